import Foundation

/// Validates JSON against a JSON Schema file with Python's `jsonschema` (Debian's
/// python3-jsonschema, which `make test` installs): the schema files are the contracts users
/// read, so the tests check them with a real validator, not with our own reading of them.
public enum SchemaCheck {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every violation, one a line; empty when `json` conforms to `schema`.
    /// docs/schemas/<name>.schema.json of the repository.
    public static func schema(_ name: String) -> URL {
        ShippedProfiles.root.appendingPathComponent("docs/schemas/\(name).schema.json")
    }

    public static func validate(_ json: Data, schema: URL) throws -> [String] {
        let document = FileManager.default.temporaryDirectory.appendingPathComponent("schema-check-\(UInt64.random(in: 0...UInt64.max)).json")
        try json.write(to: document)
        defer { try? FileManager.default.removeItem(at: document) }
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            errors = sorted(Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
            for e in errors: print("/".join(str(p) for p in e.path) + ": " + e.message)
            """
        // The Python on PATH first (pyenv, a venv), then Debian's, which python3-jsonschema serves.
        var failures: [String] = []
        for interpreter in [["/usr/bin/env", "python3"], ["/usr/bin/python3"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: interpreter[0])
            process.arguments = Array(interpreter.dropFirst()) + ["-c", script, schema.path, document.path]
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 { return text.split(separator: "\n").map(String.init) }
            failures.append("\(interpreter.joined(separator: " ")): \(failure)")
        }
        throw Unavailable(description: "no Python with jsonschema (install python3-jsonschema): \(failures.joined(separator: "; "))")
    }
}
