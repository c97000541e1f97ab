import Foundation

/// A small tmpfs for a test that needs a disk that fills up (root only: `mount`).
struct TmpfsMount {
    let directory: URL

    /// Whether this process may mount: CI and `make test` run as root; elsewhere the test is skipped.
    static var available: Bool { getuid() == 0 }

    init(kilobytes: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Shell.run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", directory.path])
    }

    /// Grows (or shrinks) the file system in place; what is on it stays.
    func resize(kilobytes: Int) throws {
        try Shell.run("mount", ["-o", "remount,size=\(kilobytes)k", directory.path])
    }

    func unmount() {
        try? Shell.run("umount", [directory.path])
        try? FileManager.default.removeItem(at: directory)
    }
}
