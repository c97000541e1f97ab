import Foundation

/// Why a file could not be read or written, in a few words instead of an NSError dump: shared
/// by the loaders' issue lines and the command line's errors.
public enum FileErrorReason {
    public static func text(_ error: any Error) -> String {
        guard let cocoa = error as? CocoaError else { return "\(error)" }
        return switch cocoa.code {
        case .fileReadNoSuchFile, .fileNoSuchFile: "no such file"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteVolumeReadOnly: "the file system is read-only"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: "not readable as text"
        default: (cocoa.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? cocoa.localizedDescription
        }
    }
}
