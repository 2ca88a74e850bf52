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
            // E1–EC lead the Han and CJK punctuation blocks, with no extra limit on the
            // second byte: the common case, taken before the general table.
            if lead >= 0xE1 && lead <= 0xEC && i + 2 < count && bytes[i + 1] & 0xC0 == 0x80 && bytes[i + 2] & 0xC0 == 0x80 {
                i += 3
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

/// UTF-8 decoded with every ill-formed sequence (maximal subpart, as Unicode recommends)
/// replaced by U+FFFD, counting what was replaced and how much was genuine multi-byte UTF-8.
struct LenientUTF8 {
    var scalars: [Unicode.Scalar] = []
    var replaced = CharacterTally()
    var multiByteScalars = 0

    /// Few enough bad sequences among real multi-byte characters that the file is UTF-8 with
    /// damage, not a legacy encoding: at least 20 good multi-byte characters per bad one.
    var isMostlyUTF8: Bool { replaced.count * 20 <= multiByteScalars }

    /// The scalars of `bytes` when they are valid UTF-8 (RFC 3629, as `UTF8Validation.check`),
    /// checked while decoding; nil at the first sequence that is not, and the caller then asks
    /// `UTF8Validation` what is wrong. One pass fewer than validating first: nearly every
    /// input is valid.
    static func decodeIfValid(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
        bytes.withContiguousStorageIfAvailable { decodeIfValid($0) } ?? Array(bytes).withUnsafeBufferPointer { decodeIfValid($0) }
    }

    private static func decodeIfValid(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        var continuations = 0
        for byte in bytes { continuations &+= byte & 0xC0 == 0x80 ? 1 : 0 }
        let count = bytes.count - continuations
        guard count > 0 else { return bytes.isEmpty ? [] : nil }
        var valid = true
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt32.self)
            var index = 0
            var written = 0
            let end = bytes.count
            /// Whether the byte at `at` is a continuation byte within `lower...upper`.
            @inline(__always) func follows(_ at: Int, _ lower: UInt8 = 0x80, _ upper: UInt8 = 0xBF) -> Bool {
                at < end && bytes[at] >= lower && bytes[at] <= upper
            }
            decoding: while index < end {
                // Every scalar written consumed one lead byte, and `count` is the number of
                // lead bytes: the array cannot overflow. The check below says so anyway.
                guard written < count else {
                    valid = false
                    break decoding
                }
                let lead = bytes[index]
                let value: UInt32
                switch lead {
                case 0x00...0x7F:
                    value = UInt32(lead)
                    index += 1
                case 0xC2...0xDF:
                    guard follows(index + 1) else { valid = false; break decoding }
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                case 0xE0...0xEF:
                    // E0 needs A0–BF next (no overlong form), ED 80–9F (no surrogate).
                    let lower: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                    let upper: UInt8 = lead == 0xED ? 0x9F : 0xBF
                    guard follows(index + 1, lower, upper), follows(index + 2) else { valid = false; break decoding }
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                case 0xF0...0xF4:
                    // F0 needs 90–BF next (no overlong form), F4 80–8F (at most U+10FFFF).
                    let lower: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                    let upper: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                    guard follows(index + 1, lower, upper), follows(index + 2), follows(index + 3) else { valid = false; break decoding }
                    value =
                        UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                default:
                    valid = false
                    break decoding
                }
                raw[written] = value
                written += 1
            }
            // Valid text has written exactly `count`; anything else is discarded.
            if written != count { valid = false }
            initialized = written
        }
        return valid ? scalars : nil
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> LenientUTF8 {
        var result = LenientUTF8()
        result.scalars.reserveCapacity(bytes.count / 2)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                result.scalars.append(Unicode.UTF8.decode(encoded))
                if encoded.count > 1 { result.multiByteScalars += 1 }
                position += encoded.count
            case .emptyInput:
                return result
            case let .error(length):
                result.replaced.note(at: result.scalars.count, "at byte \(bytes.startIndex + position)")
                result.scalars.append("\u{FFFD}")
                position += length
            }
        }
    }
}
