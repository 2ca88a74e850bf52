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

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Copies the bytes at the start of `utf8` that need no escape to `target` (which has room
    /// for all of `utf8`) and returns how many it copied. Almost every string needs no escape,
    /// so the scan and the copy are one pass, eight bytes at a time, looking at single bytes
    /// only near the end or where a word may hold one: a separate scan and `memmove` cost a
    /// second pass and a call for strings that are mostly a few dozen bytes.
    @inline(__always)
    static func copyCleanPrefix(_ utf8: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let rawTarget = UnsafeMutableRawPointer(target)
        var index = 0
        while index + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if mayNeedEscape(word) { break }
            rawTarget.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        // Fewer than eight bytes left and none of them checked yet: they are taken as the
        // string's last eight, overlapping bytes already copied, rather than one by one.
        if index < utf8.count, utf8.count - index < 8, utf8.count >= 8 {
            let last = utf8.count - 8
            let word = raw.loadUnaligned(fromByteOffset: last, as: UInt64.self)
            if !mayNeedEscape(word) {
                rawTarget.storeBytes(of: word, toByteOffset: last, as: UInt64.self)
                return utf8.count
            }
        }
        while index < utf8.count {
            let byte = base[index]
            if needsEscape(byte) { break }
            target[index] = byte
            index += 1
        }
        return index
    }

    /// Whether any of the eight bytes in `word` may need escaping. Exact when false; when true
    /// the bytes are looked at one by one.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Eight bytes of Chinese (no ASCII at all) need no escape: one test instead of three.
        if word & highBits == highBits { return false }
        // A byte below n sets its high bit in (word - n·ones) & ~word (n ≤ 0x80).
        func anyBelow(_ n: UInt8, _ word: UInt64) -> Bool {
            (word &- ones &* UInt64(n)) & ~word & highBits != 0
        }
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        return anyBelow(0x20, word) || anyBelow(1, quote) || anyBelow(1, backslash)
    }
}
