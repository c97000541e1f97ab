import FleetModel
import Foundation

/// A file error as one line a person can act on: "cannot read PATH: no such file" instead of an
/// NSError dump (`FileErrorReason`).
struct ReadableError: Error, CustomStringConvertible {
    let description: String

    init(_ error: CocoaError) {
        let path = error.filePath ?? error.url?.path ?? "the file"
        let writing: [CocoaError.Code] = [.fileWriteNoPermission, .fileWriteOutOfSpace, .fileWriteVolumeReadOnly, .fileWriteUnknown]
        description = "cannot \(writing.contains(error.code) ? "write" : "read") \(path): \(FileErrorReason.text(error))"
    }
}
