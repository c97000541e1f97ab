import Foundation

/// An error as one line a person can act on: Foundation's file errors become "cannot read
/// PATH: no such file" instead of an NSError dump; anything else keeps its own description.
struct ReadableError: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        guard let cocoa = error as? CocoaError else {
            description = "\(error)"
            return
        }
        let path = cocoa.filePath ?? cocoa.url?.path ?? "the file"
        let reason: String = switch cocoa.code {
        case .fileReadNoSuchFile, .fileNoSuchFile: "no such file"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteVolumeReadOnly: "the file system is read-only"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: "not readable as text"
        default: (cocoa.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? cocoa.localizedDescription
        }
        let verb = [.fileWriteNoPermission, .fileWriteOutOfSpace, .fileWriteVolumeReadOnly, .fileWriteUnknown].contains(cocoa.code) ? "write" : "read"
        description = "cannot \(verb) \(path): \(reason)"
    }
}
