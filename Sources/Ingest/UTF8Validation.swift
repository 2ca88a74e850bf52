/// The verdict on a byte buffer read as UTF-8.
enum UTF8Validation: Equatable {
    case valid
    /// Valid up to an incomplete character at the very end: a cut-off download.
    case truncated(at: Int)
    /// A byte sequence UTF-8 does not allow, at this byte offset.
    case invalid(at: Int)

    /// One linear pass over the bytes (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Validation {
        let count = bytes.count
        var i = 0
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid(at: i)
            }
            for k in 1..<length {
                guard i + k < count else { return .truncated(at: i) }
                let byte = bytes[i + k]
                let (low, high) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard low <= byte && byte <= high else { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }
}
