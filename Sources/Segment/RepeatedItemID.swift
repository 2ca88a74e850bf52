import JianbaoCore

/// Items whose id repeats an earlier sibling's: a list that starts again under the same
/// parent (1. 2. 3. … 1. 2.) gives its items the labels, and so the ids, of the first one.
///
/// SPEC makes an item's id the path of its labels, so such ids stay as they are; what an
/// analyst needs to know is that a reference to one of them (an entity's `item`, a row of
/// items.csv) is ambiguous, and where. One warning for each item that repeats an id.
enum RepeatedItemID {
    static func check(_ items: [Item]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        visit(items, into: &result)
        return result
    }

    /// Siblings first, then each one's children. Items are read in place (a copy of an `Item`
    /// retains every string and array in it).
    private static func visit(_ items: [Item], into result: inout [Diagnostic]) {
        // Most sibling lists are short: an earlier sibling is looked for by a scan, not a Set
        // (hashing a Chinese label normalises it first, and the Set is one more allocation).
        var labels = Set<String>()
        let scans = items.count <= maximumScannedSiblings
        for index in items.indices {
            let repeats = scans ? hasEarlierLabel(items, index) : !labels.insert(items[index].label).inserted
            if repeats {
                result.append(
                    Diagnostic(
                        .warning, code: "repeated-item-id",
                        message: "item \(items[index].id) repeats the id of an earlier item: a list starts again under the same parent",
                        span: items[index].span))
            }
            visit(items[index].children, into: &result)
        }
    }

    /// Sibling lists up to this long are scanned; longer ones (hundreds of unnumbered
    /// articles) go through a Set.
    private static let maximumScannedSiblings = 32

    /// Whether a sibling before `index` has its label. Labels are compared as UTF-8 bytes:
    /// they are made of ASCII, Han numerals, 第 条 是 and circled digits, none of which Unicode
    /// composes or decomposes, so equal bytes and equal Strings are the same thing here (and
    /// String's `==` takes its normalising path for any two different non-ASCII labels).
    private static func hasEarlierLabel(_ items: [Item], _ index: Int) -> Bool {
        let label = items[index].label.utf8
        for earlier in items.indices[..<index] {
            let other = items[earlier].label.utf8
            if other.count == label.count && other.elementsEqual(label) { return true }
        }
        return false
    }
}
