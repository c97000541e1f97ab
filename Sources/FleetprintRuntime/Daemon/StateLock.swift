#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// An exclusive lock on a daemon's folder (state, journal) for as long as it runs, so a second
/// daemon pointed at the same folder stops at once, naming the first, instead of fighting it over
/// the broker session and the journal. `flock` on `fleetprint.lock`: the kernel releases it when
/// the process ends, however it ends, so a `kill -9` leaves no stale lock behind.
final class StateLock {
    private let descriptor: Int32

    init(directory: URL) throws {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("fleetprint.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DaemonError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            Glibc.close(descriptor)
            throw DaemonError("the folder \(directory.path) is in use by another fleetprint run (PID \(holder.isEmpty ? "unknown" : holder)); "
                              + "stop that one, or give this one its own --state (and --journal)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        Glibc.close(descriptor)
    }
}
