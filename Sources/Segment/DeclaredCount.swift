import JianbaoCore

/// Headings that say how many items follow — 听取审议工作报告（18 项） — checked against
/// the items found under them.
enum DeclaredCount {
    static func check(_ items: [Item]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        visit(items, into: &result)
        return result
    }

    /// Parents before their children. Items are read in place: a copy of an `Item` retains
    /// every string and array in it.
    private static func visit(_ items: [Item], into result: inout [Diagnostic]) {
        for index in items.indices {
            if let declared = declared(in: items[index].title) {
                var found = 0
                for child in items[index].children.indices where items[index].children[child].kind != "clause" { found += 1 }
                if found != declared {
                    result.append(
                        Diagnostic(
                            .warning, code: "declared-count-mismatch",
                            message: "item \(items[index].id) declares \(declared) items but \(found) were found",
                            span: items[index].span))
                }
            }
            visit(items[index].children, into: &result)
        }
    }

    /// （18 项） / (5 项) / （2项） at the end of a title.
    static func declared(in title: String) -> Int? {
        // Nearly every title has no 项） at all: say so before making an array of it.
        guard mayDeclare(title) else { return nil }
        let scalars = Array(title.unicodeScalars)
        guard let close = scalars.lastIndex(where: { $0 == "）" || $0 == ")" }),
            let open = scalars[..<close].lastIndex(where: { $0 == "（" || $0 == "(" })
        else { return nil }
        let inner = scalars[(open + 1)..<close].filter { $0 != " " }
        guard inner.last == "项" else { return nil }
        let digits = inner.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ HeadingMarker.isASCIIDigit($0) }) else {
            return HanNumeral.value(digits)
        }
        // The digits' value, or nil past Int's range (as Int(String) would say).
        var value = 0
        for digit in digits {
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = times10.addingReportingOverflow(Int(digit.value - 0x30))
            if overflowed || overflowedAgain { return nil }
            value = sum
        }
        return value
    }

    /// Whether 项 stands before the title's last closing bracket (spaces between allowed),
    /// read from the UTF-8 bytes without decoding: 项 is E9 A1 B9, ） is EF BC 89, ) is 29.
    /// Most titles have no bracket at all, so they are passed over eight bytes at a test.
    private static func mayDeclare(_ title: String) -> Bool {
        let found = title.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            // The last closing bracket: words with no 29 or 89 byte are passed over, and a
            // word with one (89 ends many Han characters) is read byte by byte before the
            // search goes on past it.
            var end = bytes.count
            var close = -1
            search: while end > 0 {
                while end >= 8 {
                    let word = UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self)
                    if hasByte(word, 0x29) || hasByte(word, 0x89) { break }
                    end -= 8
                }
                let stop = max(0, end - 8)
                var index = end - 1
                while index >= stop {
                    if bytes[index] == 0x29 {
                        close = index
                        break search
                    }
                    if bytes[index] == 0x89 && index >= 2 && bytes[index - 1] == 0xBC && bytes[index - 2] == 0xEF {
                        close = index - 2
                        break search
                    }
                    index -= 1
                }
                end = stop
            }
            var before = close - 1
            while before >= 0 && bytes[before] == 0x20 { before -= 1 }
            return before >= 2 && bytes[before] == 0xB9 && bytes[before - 1] == 0xA1 && bytes[before - 2] == 0xE9
        }
        return found ?? title.unicodeScalars.contains("项")
    }

    /// Whether any of the eight bytes of `word` is `byte` (the zero-byte test on `word ^ byte…`).
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let lows: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (lows &* UInt64(byte))
        return (x &- lows) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
