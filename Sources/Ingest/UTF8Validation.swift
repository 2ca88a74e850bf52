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
        decodeCheckedIfValid(bytes)?.scalars
    }

    /// `decodeIfValid`, also saying whether the text has scalars the slower checks look for.
    static func decodeCheckedIfValid(_ bytes: ArraySlice<UInt8>) -> CheckedUTF8? {
        bytes.withContiguousStorageIfAvailable { CheckedUTF8.decode($0) }
            ?? Array(bytes).withUnsafeBufferPointer { CheckedUTF8.decode($0) }
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
