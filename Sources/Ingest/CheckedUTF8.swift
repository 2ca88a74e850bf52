/// Valid UTF-8 decoded in one pass, with what that pass noticed on the way: the decoder is the
/// only code that reads every byte, so the checks Ingest needs over the whole text ride on it
/// instead of scanning the scalars again.
///
/// Nearly every input is Chinese text: runs of 3-byte sequences (Han, CJK punctuation) broken
/// by short ASCII runs (digits, line breaks). The loop takes each kind in a run of its own,
/// ASCII eight bytes at a time, and writes straight into the array's uninitialised storage.
struct CheckedUTF8 {
    var scalars: [Unicode.Scalar]
    /// Whether any scalar is a control character other than LF and CR, or U+FFFE/U+FFFF:
    /// exactly `Ingestor.hasUnusualScalars(scalars)`.
    var hasUnusualScalars: Bool

    /// The scalars of `bytes` when they are valid UTF-8 (RFC 3629, exactly what
    /// `UTF8Validation.check` calls valid); nil at the first sequence that is not.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> CheckedUTF8? {
        guard let start = bytes.baseAddress, !bytes.isEmpty else {
            return CheckedUTF8(scalars: [], hasUnusualScalars: false)
        }
        // Every scalar has exactly one byte that is not a continuation byte: the array is
        // allocated at its final size.
        let count = bytes.count - continuationBytes(bytes)
        guard count > 0 else { return nil }
        var valid = true
        var unusual = false
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            let first = UnsafeMutableRawPointer(buffer.baseAddress!).bindMemory(to: UInt32.self, capacity: count)
            var out = first
            var next = start
            let end = start + bytes.count
            // Every scalar written below consumed one byte that is not a continuation byte
            // (the continuation bytes after a lead are checked before it is written), so `out`
            // cannot pass `count` scalars: no bounds check per scalar.
            decoding: while next < end {
                let lead = next.pointee
                if lead < 0x80 {
                    // An ASCII run: eight bytes at a time while a whole word is ASCII ...
                    while end - next >= 8 {
                        let word = UInt64(littleEndian: UnsafeRawPointer(next).loadUnaligned(as: UInt64.self))
                        guard word & 0x8080_8080_8080_8080 == 0 else { break }
                        // Some byte below 0x20 (exact for ASCII words): usually a line feed.
                        if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                            for k in 0..<8 where isUnusualASCII(next[k]) { unusual = true }
                        }
                        for k in 0..<8 { out[k] = UInt32(truncatingIfNeeded: word &>> UInt64(8 * k)) & 0xFF }
                        next += 8
                        out += 8
                    }
                    // ... then byte by byte to its end.
                    while next < end && next.pointee < 0x80 {
                        let byte = next.pointee
                        if isUnusualASCII(byte) { unusual = true }
                        out.pointee = UInt32(byte)
                        next += 1
                        out += 1
                    }
                    continue decoding
                }
                if lead & 0xF0 == 0xE0 {
                    // A run of 3-byte sequences, decoded without going back to the top of the loop.
                    while true {
                        // Two at a time while eight bytes read as one word hold two whole ones ...
                        while end - next >= 8 {
                            let word = UInt64(littleEndian: UnsafeRawPointer(next).loadUnaligned(as: UInt64.self))
                            guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { break }
                            let first = threeByteValue(UInt32(truncatingIfNeeded: word))
                            let second = threeByteValue(UInt32(truncatingIfNeeded: word &>> 24))
                            guard isThreeByteScalar(first) && isThreeByteScalar(second) else { valid = false; break decoding }
                            if max(first, second) >= 0xFFFE { unusual = true }
                            out[0] = first
                            out[1] = second
                            next += 6
                            out += 2
                        }
                        // ... then one: the run's last, or one near the end of the text.
                        guard next < end, next.pointee & 0xF0 == 0xE0 else { continue decoding }
                        let word: UInt32
                        if end - next >= 4 {
                            word = UInt32(littleEndian: UnsafeRawPointer(next).loadUnaligned(as: UInt32.self))
                        } else if end - next == 3 {
                            word = UInt32(next[0]) | UInt32(next[1]) << 8 | UInt32(next[2]) << 16
                        } else {
                            valid = false
                            break decoding
                        }
                        guard word & 0x00C0_C000 == 0x0080_8000 else { valid = false; break decoding }
                        let value = threeByteValue(word)
                        guard isThreeByteScalar(value) else { valid = false; break decoding }
                        if value >= 0xFFFE { unusual = true }
                        out.pointee = value
                        next += 3
                        out += 1
                    }
                }
                if lead & 0xE0 == 0xC0 {
                    guard end - next >= 2, next[1] & 0xC0 == 0x80 else { valid = false; break decoding }
                    let value = UInt32(lead & 0x1F) << 6 | UInt32(next[1] & 0x3F)
                    // C0 and C1 lead overlong forms of ASCII.
                    guard value >= 0x80 else { valid = false; break decoding }
                    out.pointee = value
                    next += 2
                    out += 1
                    continue decoding
                }
                if lead & 0xF8 == 0xF0 {
                    guard end - next >= 4, next[1] & 0xC0 == 0x80, next[2] & 0xC0 == 0x80, next[3] & 0xC0 == 0x80 else {
                        valid = false
                        break decoding
                    }
                    let value =
                        UInt32(lead & 0x07) << 18 | UInt32(next[1] & 0x3F) << 12 | UInt32(next[2] & 0x3F) << 6
                        | UInt32(next[3] & 0x3F)
                    // Below U+10000 is an overlong form (F0 80–8F …), above U+10FFFF out of
                    // range (F4 90–BF …, F5–F7).
                    guard value >= 0x10000 && value <= 0x10FFFF else { valid = false; break decoding }
                    out.pointee = value
                    next += 4
                    out += 1
                    continue decoding
                }
                // A continuation byte where a character should start, or F8–FF.
                valid = false
                break decoding
            }
            let written = out - first
            // Valid text has written exactly `count`; anything else is discarded.
            if written != count { valid = false }
            initialized = written
        }
        return valid ? CheckedUTF8(scalars: scalars, hasUnusualScalars: unusual) : nil
    }

    /// The scalar of a 3-byte sequence whose bytes are the low three of `word` (lead first).
    @inline(__always)
    static func threeByteValue(_ word: UInt32) -> UInt32 {
        (word & 0x0F) << 12 | (word &>> 2) & 0x0FC0 | (word &>> 16) & 0x3F
    }

    /// Whether a 3-byte sequence's value is one UTF-8 allows: below U+0800 is an overlong
    /// form (E0 80–9F …), U+D800–DFFF a surrogate (ED A0–BF …) — the validator's limits on the
    /// second byte.
    @inline(__always)
    static func isThreeByteScalar(_ value: UInt32) -> Bool {
        value >= 0x800 && value & 0xF800 != 0xD800
    }

    /// A C0 control other than LF and CR (tab included: it is the slower checks that let it pass).
    @inline(__always)
    static func isUnusualASCII(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x0A && byte != 0x0D
    }

    /// The bytes of the form 10xxxxxx, counted eight at a time: each word adds its count into
    /// eight byte-wide lanes, which are summed before any of them can overflow.
    static func continuationBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let start = bytes.baseAddress else { return 0 }
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        var total = 0
        let words = bytes.count / 8
        var word = 0
        while word < words {
            let blockEnd = min(words, word + 255)
            var lanes: UInt64 = 0
            while word < blockEnd {
                let bits = UInt64(littleEndian: UnsafeRawPointer(start + word * 8).loadUnaligned(as: UInt64.self))
                // Bit 7 set and bit 6 clear, moved down to each lane's bit 0.
                lanes &+= (bits & ~(bits &<< 1)) &>> 7 & lowBits
                word += 1
            }
            // Pairs of lanes into 16-bit lanes (at most 510 each), then their sum in the top 16 bits.
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ (lanes &>> 8 & 0x00FF_00FF_00FF_00FF)
            total += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
        }
        var index = words * 8
        while index < bytes.count {
            if start[index] & 0xC0 == 0x80 { total += 1 }
            index += 1
        }
        return total
    }
}
