import Testing

@testable import Ingest

/// The one-pass decoder accepts exactly what the validator calls valid, and decodes it as the
/// standard library does; everything else is left to the validator's verdict.
struct UTF8DecodingTests {
    static let cases: [(name: String, bytes: [UInt8])] = [
        ("ASCII", Array("bulletin 2024".utf8)),
        ("Han and full-width", Array("河南省人大常委会，２０２４年（一）".utf8)),
        ("two-byte", [0xC2, 0xA9, 0xDF, 0xBF]),
        ("four-byte", Array("𠀀𪚥".utf8)),
        ("highest scalar U+10FFFF", [0xF4, 0x8F, 0xBF, 0xBF]),
        ("U+FFFF", [0xEF, 0xBF, 0xBF]),
        ("overlong two-byte C0", [0xC0, 0xAF]),
        ("overlong two-byte C1", [0xC1, 0xBF]),
        ("overlong three-byte E0 80", [0xE0, 0x80, 0xAF]),
        ("overlong four-byte F0 80", [0xF0, 0x80, 0x80, 0xAF]),
        ("surrogate ED A0", [0xED, 0xA0, 0x80]),
        ("above U+10FFFF F4 90", [0xF4, 0x90, 0x80, 0x80]),
        ("lead F5", [0xF5, 0x80, 0x80, 0x80]),
        ("stray continuation", [0x41, 0x80, 0x42]),
        ("only continuations", [0x80, 0xBF]),
        ("cut after a lead", Array("河南".utf8) + [0xE6]),
        ("cut inside a character", Array("河南".utf8) + [0xE6, 0xB2]),
        ("lead then ASCII", [0xE6, 0x41, 0x42]),
        ("Latin-1 byte in text", Array("caf".utf8) + [0xE9] + Array(" 会议".utf8)),
    ]

    @Test(arguments: cases.map(\.name))
    func agreesWithTheValidator(_ name: String) {
        let bytes = Self.cases.first { $0.name == name }!.bytes
        let verdict = bytes.withUnsafeBufferPointer(UTF8Validation.check)
        let decoded = LenientUTF8.decodeIfValid(bytes[...])
        #expect((decoded != nil) == (verdict == .valid), "\(name): validator says \(verdict)")
        if let decoded {
            #expect(decoded == Array(String(decoding: bytes, as: UTF8.self).unicodeScalars))
        }
    }
}
