import Foundation

/// Runs `operation`, failing with `DeadlineExceeded` if it takes longer than `seconds`:
/// an integration test must fail, not hang, when a message never comes.
func withDeadline<T: Sendable>(
    _ seconds: Double, _ what: String,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            throw DeadlineExceeded(what: what, seconds: seconds)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    let what: String
    let seconds: Double
    var description: String { "\(what) did not happen within \(seconds) s" }
}

/// Polls `condition` until it holds or the deadline passes.
func eventually(_ seconds: Double, _ what: String, _ condition: @escaping @Sendable () -> Bool) async throws {
    try await withDeadline(seconds, what) {
        while !condition() { try await Task.sleep(for: .milliseconds(20)) }
    }
}
