import JianbaoCore
import Segment
import Testing

/// A list that starts again under the same parent repeats its ids (SPEC: the id is the path of
/// labels); each repeat gets a `repeated-item-id` warning at the repeating item, and lists
/// under different parents, which share labels but not ids, get none.
@Suite struct RepeatedItemIDTests {
    static func repeated(_ text: String) -> [String] {
        let (rows, segmentation) = ItemRow.segment(text)
        let ids = Set(rows.map(\.id))
        return segmentation.diagnostics.filter { $0.code == "repeated-item-id" }.compactMap { diagnostic in
            ids.first { diagnostic.message.hasPrefix("item \($0) repeats") }
        }.sorted()
    }

    @Test(arguments: [
        // A restarted list under one section: its second 1 and 2.
        ("一、主要做法\n1.开展专题调研。\n2.组织代表培训。\n1.完善工作制度。\n2.加强跟踪监督。\n二、下一步打算\n1.继续推进。\n", ["一/1", "一/2"]),
        // The same labels under two sections are two ids each: nothing to warn of.
        ("一、主要做法\n1.开展专题调研。\n2.组织代表培训。\n二、下一步打算\n1.继续推进。\n2.抓好落实。\n", []),
        // At the top, with no section: the restarted 1 repeats the id 1.
        ("1.开展专题调研。\n2.组织代表培训。\n1.完善工作制度。\n", ["1"]),
        // One list, no restart.
        ("（一）聚焦重点。\n（二）突出特色。\n（三）注重实效。\n", []),
    ])
    func warnsOfEachRepeat(text: String, expected: [String]) {
        #expect(Self.repeated(text) == expected, "\(text)")
    }
}
