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
        var labels = Set<String>()
        for index in items.indices {
            if !labels.insert(items[index].label).inserted {
                result.append(
                    Diagnostic(
                        .warning, code: "repeated-item-id",
                        message: "item \(items[index].id) repeats the id of an earlier item: a list starts again under the same parent",
                        span: items[index].span))
            }
            visit(items[index].children, into: &result)
        }
    }
}
