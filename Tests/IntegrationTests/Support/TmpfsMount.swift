import Foundation

/// A small tmpfs for a test that needs a disk that fills up (root only: `mount`).
struct TmpfsMount {
    let directory: URL

    /// Whether this process may mount (tried once): CI and `make test` run as root; where root
    /// may not mount (a container without the capability) or we are not root, the test is skipped.
    static let available: Bool = {
        guard getuid() == 0, let probe = try? TmpfsMount(kilobytes: 16) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try Shell.run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", directory.path])
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
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
