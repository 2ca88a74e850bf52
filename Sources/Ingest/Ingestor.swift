import CICU
import Crypto
import JianbaoCore

#if canImport(Glibc)
    import Glibc
#endif

/// Bytes to text: finds the encoding (byte-order mark, strict UTF-8, then ICU's charset
/// detection for GB18030/GBK/GB2312 and Big5), refuses what is not text, and drops the BOM.
///
///     let source = try Ingestor().decode(bytes, path: "Fixtures/001.txt")
///     source.encoding   // .utf8
public struct Ingestor: Sendable {
    /// Inputs above this many bytes are refused before decoding.
    public var maxBytes: Int

    public static let defaultMaxBytes = 256 * 1024 * 1024
    /// The largest input any setting allows: every scalar offset must fit in an Int32.
    public static let ceilingBytes = Int(Int32.max)

    public init(maxBytes: Int = Ingestor.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// `sha256` is the bytes' hash when the caller has it already (batch hashes every input
    /// to decide whether to convert it); otherwise it is computed here.
    public func decode(_ bytes: [UInt8], path: String, sha256: String? = nil) throws -> DecodedSource {
        guard !bytes.isEmpty else { throw IngestError.empty }
        // Whatever --max-bytes says, positions are 32-bit past Ingest (`WorkingText`), and no
        // encoding read here gives more scalars than bytes.
        let limit = min(maxBytes, Self.ceilingBytes)
        guard bytes.count <= limit else { throw IngestError.tooLarge(bytes: bytes.count, limit: limit) }
        if let kind = BinarySignature.name(of: bytes) { throw IngestError.binary(kind) }

        let (encoding, scalars, replaced, noticed) = try decodeText(bytes)
        // Whether the slower checks have anything to find (nearly every input has no control
        // character and nothing XML forbids): seen while decoding valid UTF-8, otherwise one
        // pass over the text.
        let unusual = noticed ?? Self.hasUnusualScalars(scalars)
        if unusual { try refuseControlCharacters(scalars) }
        guard scalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw IngestError.whitespaceOnly
        }
        let digest = sha256 ?? Self.hex(SHA256.hash(data: bytes))
        let diagnostics = [
            ReplacedCharacters.diagnostic(replaced: replaced, encoding: encoding),
            unusual ? ReplacedCharacters.forbiddenInXML(scalars) : nil,
        ].compactMap { $0 }
        return DecodedSource(
            path: path, bytes: bytes.count, sha256: digest, encoding: encoding,
            text: SourceText(scalars: scalars), diagnostics: diagnostics)
    }

    /// The encoding, the scalars, what was replaced, and whether the text has unusual scalars
    /// when decoding found out (nil: not known).
    private func decodeText(_ bytes: [UInt8]) throws -> (TextEncoding, [Unicode.Scalar], CharacterTally, Bool?) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (scalars, replaced, unusual) = try decodeUTF8AfterBOM(bytes)
            return (.utf8WithBOM, scalars, replaced, unusual)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            let (scalars, replaced) = try decodeUTF16(bytes, littleEndian: true)
            return (.utf16LE, scalars, replaced, nil)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            let (scalars, replaced) = try decodeUTF16(bytes, littleEndian: false)
            return (.utf16BE, scalars, replaced, nil)
        }
        if bytes.withUnsafeBytes({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            throw IngestError.binary("contains NUL bytes (UTF-16 without a byte-order mark is not read)")
        }
        // Nearly every input is valid UTF-8: decoded and checked in one pass; only when it is
        // not does the validator say where and how.
        if let checked = LenientUTF8.decodeCheckedIfValid(bytes[...]) {
            return (.utf8, checked.scalars, CharacterTally(), checked.hasUnusualScalars)
        }
        let verdict = bytes.withUnsafeBufferPointer(UTF8Validation.check)
        switch verdict {
        case .valid:
            // decodeIfValid accepts exactly what the validator calls valid (UTF8DecodingTests);
            // should they ever disagree, the lenient decoder reads valid text the same way.
            return (.utf8, LenientUTF8.decode(bytes[...]).scalars, CharacterTally(), nil)
        case let .truncated(at):
            // Valid UTF-8 up to a character cut in half at the very end: a cut-off file, not
            // another encoding. Saying so beats guessing a legacy charset for it.
            throw IngestError.truncated("the file ends inside a UTF-8 character (byte \(at) of \(bytes.count))")
        case let .invalid(at):
            // UTF-8 with a few bad sequences (a damaged download, one pasted Latin-1 byte) keeps
            // its text, the bad bytes replaced and reported; legacy text is invalid UTF-8 at
            // nearly every Han character, so it never looks like this.
            let lenient = LenientUTF8.decode(bytes[...])
            if lenient.isMostlyUTF8 {
                return (.utf8, lenient.scalars, lenient.replaced, nil)
            }
            let (encoding, scalars) = try decodeLegacy(bytes, firstNonUTF8Byte: at)
            return (encoding, scalars, CharacterTally(), nil)
        }
    }

    private func decodeUTF8AfterBOM(_ bytes: [UInt8]) throws -> ([Unicode.Scalar], CharacterTally, Bool?) {
        let body = bytes[3...]
        if let checked = LenientUTF8.decodeCheckedIfValid(body) {
            return (checked.scalars, CharacterTally(), checked.hasUnusualScalars)
        }
        switch body.withContiguousStorageIfAvailable({ UTF8Validation.check($0) }) ?? .valid {
        case .valid:
            return (LenientUTF8.decode(body).scalars, CharacterTally(), nil)
        case let .truncated(at):
            throw IngestError.truncated("the file ends inside a UTF-8 character (byte \(at + 3))")
        case let .invalid(at):
            // The byte-order mark says UTF-8: a few bad sequences are replaced, many refuse it.
            let lenient = LenientUTF8.decode(body)
            guard lenient.replaced.count * 100 <= body.count else {
                throw IngestError.undecodable(
                    "\(lenient.replaced.count) invalid UTF-8 sequences after a UTF-8 byte-order mark (first at byte \(at + 3))")
            }
            return (lenient.scalars, lenient.replaced, nil)
        }
    }

    private func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) throws -> ([Unicode.Scalar], CharacterTally) {
        guard bytes.count % 2 == 0 else {
            throw IngestError.truncated("UTF-16 text with an odd number of bytes (\(bytes.count))")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var replaced = CharacterTally()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                position += encoded.count
            case .emptyInput:
                // An unpaired surrogate here and there is replaced; text made of them is not text.
                if replaced.count > 0 && replaced.count * 100 > units.count {
                    throw IngestError.undecodable(
                        "unpaired UTF-16 surrogates: \(replaced.count) in \(units.count) code units (first \(replaced.firstDetail))")
                }
                return (scalars, replaced)
            case let .error(length):
                replaced.note(at: scalars.count, "at byte \(2 + position * 2)")
                scalars.append("\u{FFFD}")
                position += length
            }
        }
    }

    /// Legacy Chinese encodings, detected by ICU and converted strictly (no substitution).
    private func decodeLegacy(_ bytes: [UInt8], firstNonUTF8Byte: Int) throws -> (TextEncoding, [Unicode.Scalar]) {
        var candidates: [TextEncoding] = []
        for guess in CharsetGuess.detect(bytes) {
            switch guess.name {
            case "GB18030": candidates.append(.gb18030)
            case "Big5": candidates.append(.big5)
            default: continue
            }
        }
        // GB18030 is what Chinese bulletins are in when they are not UTF-8 (it reads GBK and
        // GB2312 too); try it even when ICU's short-text guess ranked something else first.
        if !candidates.contains(.gb18030) { candidates.append(.gb18030) }
        for encoding in candidates {
            if let text = convertToUTF8(bytes, from: encoding) {
                return (encoding, Array(text.unicodeScalars))
            }
        }
        throw IngestError.undecodable(
            "neither UTF-8 (invalid byte at \(firstNonUTF8Byte)) nor GB18030, GBK or Big5")
    }

    private func convertToUTF8(_ bytes: [UInt8], from encoding: TextEncoding) -> String? {
        // Every GB18030 or Big5 character becomes at most 4 UTF-8 bytes from at least 1 byte.
        let capacity = bytes.count * 4 + 16
        var output = [UInt8](repeating: 0, count: capacity)
        var errorOffset: Int64 = -1
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                input.withMemoryRebound(to: CChar.self) { chars in
                    out.withMemoryRebound(to: CChar.self) { outChars in
                        jb_convert_to_utf8(
                            encoding.rawValue, chars.baseAddress, chars.count, outChars.baseAddress, outChars.count,
                            &errorOffset)
                    }
                }
            }
        }
        guard written >= 0 else { return nil }
        return String(decoding: output[0..<Int(written)], as: UTF8.self)
    }

    /// Lower-case hexadecimal, two digits a byte.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether any scalar is a control character other than a line break, or one XML 1.0
    /// forbids (a surrogate code point cannot be a Unicode.Scalar): what
    /// `refuseControlCharacters` and `ReplacedCharacters.forbiddenInXML` look for.
    static func hasUnusualScalars(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.withUnsafeBufferPointer { buffer in
            var unusual = false
            for scalar in buffer {
                let value = scalar.value
                // Branch-free accumulation: the loop vectorises over the common case.
                unusual = unusual || (value < 0x20 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
            }
            return unusual
        }
    }

    /// Text never holds C0 control characters other than tab, line and page breaks; a file
    /// that does is a binary that happened to decode.
    private func refuseControlCharacters(_ scalars: [Unicode.Scalar]) throws {
        var controls = 0
        for scalar in scalars where scalar.value < 0x20 {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x00: throw IngestError.binary("contains NUL characters")
            default: controls += 1
            }
        }
        if controls > 0 && controls * 100 > scalars.count {
            throw IngestError.binary("\(controls) control characters in \(scalars.count)")
        }
    }
}

/// One charset guess from ICU's detector.
struct CharsetGuess {
    var name: String
    var confidence: Int

    static func detect(_ bytes: [UInt8]) -> [CharsetGuess] {
        let slots = 8
        let nameLength = 64
        var names = [CChar](repeating: 0, count: slots * nameLength)
        var confidences = [Int32](repeating: 0, count: slots)
        let found = bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { chars in
                jb_detect_charsets(chars.baseAddress, chars.count, &names, nameLength, &confidences, Int32(slots))
            }
        }
        guard found > 0 else { return [] }
        return (0..<Int(found)).map { index in
            let slot = names[(index * nameLength)..<((index + 1) * nameLength)]
            let nameBytes = slot.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return CharsetGuess(name: String(decoding: nameBytes, as: UTF8.self), confidence: Int(confidences[index]))
        }
    }
}
