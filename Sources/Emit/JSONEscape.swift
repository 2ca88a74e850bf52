/// Which bytes of a string's UTF-8 JSON must escape: `"`, `\\` and the control characters.
///
/// Escapes are decided per byte: a byte below 0x80 is a whole ASCII scalar in UTF-8, and every
/// byte of a Chinese character is 0x80 or above, so it is never mistaken for one.
public enum JSONEscape {
    /// `text` as a JSON string literal, quotes included, escaped as the document writer escapes.
    public static func quoted(_ text: String) -> String {
        var bytes = JSONBytes(capacity: text.utf8.count + 2)
        bytes.string(text)
        return bytes.text()
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// How many bytes at the start of `utf8` need no escape. Almost every string needs none,
    /// so the scan goes eight bytes at a time and looks at single bytes only near the end or
    /// where a word may hold one.
    static func cleanPrefixLength(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= utf8.count, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < utf8.count, !needsEscape(utf8[index]) {
            index += 1
        }
        return index
    }

    /// Whether any of the eight bytes in `word` may need escaping. Exact when false; when true
    /// the bytes are looked at one by one.
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // A byte below n sets its high bit in (word - n·ones) & ~word (n ≤ 0x80).
        func anyBelow(_ n: UInt8, _ word: UInt64) -> Bool {
            (word &- ones &* UInt64(n)) & ~word & highBits != 0
        }
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        return anyBelow(0x20, word) || anyBelow(1, quote) || anyBelow(1, backslash)
    }
}
