import FleetModel
import Foundation

/// Reads and writes a payload's event time in the profile's format. ISO 8601 is parsed by hand:
/// Foundation's formatters are far too slow for the hot path.
struct TimestampCodec: Sendable {
    let format: TimestampFormat

    /// 1970-01-01 ... 2200-01-01: anything outside is a broken clock, whatever the watermark.
    static let plausible: ClosedRange<TimeInterval> = 0...7_258_118_400

    func decode(_ value: JSONValue, in payload: UnsafeRawBufferPointer) throws(DecodeFailure) -> Date {
        let seconds: TimeInterval
        switch (format, value) {
        case (.unixSeconds, .number(let number)): seconds = number
        case (.unixMilliseconds, .number(let number)): seconds = number / 1000
        case (.iso8601, .string(let text)):
            guard !text.hasEscapes, let parsed = Self.iso8601(payload, from: text.start, to: text.end) else {
                throw DecodeFailure(.badTimestamp, "expected an ISO 8601 date-time, got \"\(text.text(in: payload))\"")
            }
            seconds = parsed
        default:
            throw DecodeFailure(.badTimestamp, "expected a \(format.rawValue) timestamp, got a \(value.typeName)")
        }
        guard Self.plausible.contains(seconds) else { throw DecodeFailure(.badTimestamp, "timestamp \(seconds) s outside 1970-2200") }
        return Date(timeIntervalSince1970: seconds)
    }

    func encode(_ time: Date, into out: inout [UInt8]) {
        let seconds = time.timeIntervalSince1970
        switch format {
        case .unixSeconds: JSONWriter.append(number: seconds, to: &out)
        case .unixMilliseconds: JSONWriter.append(number: (seconds * 1000).rounded(), to: &out)
        case .iso8601:
            out.append(UInt8(ascii: "\""))
            Self.appendISO8601(milliseconds: Int64((seconds * 1000).rounded()), to: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    // MARK: ISO 8601

    /// `YYYY-MM-DD(T| )hh:mm:ss(.fraction)?(Z|±hh:mm|±hhmm)`; nil when anything else.
    static func iso8601(_ b: UnsafeRawBufferPointer, from start: Int, to end: Int) -> TimeInterval? {
        var i = start
        func number(_ digits: Int) -> Int? {
            guard i + digits <= end else { return nil }
            var value = 0
            for _ in 0..<digits {
                let byte = b[i]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                i += 1
            }
            return value
        }
        func skip(_ allowed: UInt8...) -> Bool {
            guard i < end, allowed.contains(b[i]) else { return false }
            i += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")), let day = number(2),
              skip(UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")), let hour = number(2), skip(UInt8(ascii: ":")),
              let minute = number(2), skip(UInt8(ascii: ":")), let second = number(2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var nanoseconds: Int64 = 0
        if skip(UInt8(ascii: ".")) {
            var digits = 0
            while i < end, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                if digits < 9 { nanoseconds = nanoseconds * 10 + Int64(b[i] - UInt8(ascii: "0")) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
        }
        var offset = 0
        if !skip(UInt8(ascii: "Z"), UInt8(ascii: "z")) {
            guard i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let hours = number(2) else { return nil }
            _ = skip(UInt8(ascii: ":"))
            guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard i == end else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        // Whole milliseconds first, so that a time written by `encode` reads back to the same Double.
        let milliseconds = seconds * 1000 + nanoseconds / 1_000_000
        return Double(milliseconds) / 1000 + Double(nanoseconds % 1_000_000) / 1e9
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func appendISO8601(milliseconds: Int64, to out: inout [UInt8]) {
        let (days, msOfDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let ms = Int(msOfDay)
        func pad(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        pad(year, 4); out.append(UInt8(ascii: "-")); pad(month, 2); out.append(UInt8(ascii: "-")); pad(day, 2)
        out.append(UInt8(ascii: "T"))
        pad(ms / 3_600_000, 2); out.append(UInt8(ascii: ":")); pad(ms / 60_000 % 60, 2); out.append(UInt8(ascii: ":"))
        pad(ms / 1000 % 60, 2); out.append(UInt8(ascii: ".")); pad(ms % 1000, 3); out.append(UInt8(ascii: "Z"))
    }
}
