import JianbaoCore

/// Headings that say how many items follow — 听取审议工作报告（18 项） — checked against
/// the items found under them.
enum DeclaredCount {
    static func check(_ items: [Item]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func visit(_ item: Item) {
            if let declared = declared(in: item.title) {
                let found = item.children.filter { $0.kind != "clause" }.count
                if found != declared {
                    result.append(
                        Diagnostic(
                            .warning, code: "declared-count-mismatch",
                            message: "item \(item.id) declares \(declared) items but \(found) were found",
                            span: item.span))
                }
            }
            item.children.forEach(visit)
        }
        items.forEach(visit)
        return result
    }

    /// （18 项） / (5 项) / （2项） at the end of a title.
    static func declared(in title: String) -> Int? {
        // Nearly every title has no 项 at all: say so before making an array of it.
        guard title.unicodeScalars.contains("项") else { return nil }
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
        return Int(String(String.UnicodeScalarView(digits)))
    }
}
