import JianbaoCore
import Testing

@testable import Normalize

/// The offset map kept as runs answers exactly what the array of offsets it replaced would.
struct SourceOffsetMapTests {
    /// Offsets as Normalize makes them: removed line breaks (gaps), CRLF, and a caption moved
    /// after the paragraph it interrupted (offsets falling back).
    static let shapes: [(name: String, offsets: [Int32])] = [
        ("identity", Array(0..<20)),
        ("gaps", [0, 1, 2, 4, 5, 6, 9, 10, 11, 12, 20, 21]),
        ("one scalar runs", [1, 3, 5, 7, 9]),
        ("moved caption", [0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14]),
        ("empty", []),
    ]

    @Test(arguments: shapes.map(\.name))
    func answersLikeTheArray(_ name: String) {
        let offsets = Self.shapes.first { $0.name == name }!.offsets
        var map = SourceOffsetMap()
        for offset in offsets { map.append(offset) }
        #expect(map.count == offsets.count)
        #expect(Array(map) == offsets)
        #expect(map.isRising == (offsets == offsets.sorted()))
        // firstIndex(atOrAfterSource:) is the binary search over the array, probe for probe.
        for target in -1...25 {
            var low = 0
            var high = offsets.count
            while low < high {
                let middle = (low + high) / 2
                if Int(offsets[middle]) < target { low = middle + 1 } else { high = middle }
            }
            #expect(map.firstIndex(atOrAfterSource: target) == low, "\(name): source offset \(target)")
        }
    }

    @Test func carriesRunsIntoAnotherMap() {
        var folded = SourceOffsetMap()
        for offset: Int32 in [0, 1, 2, 4, 5, 6, 7, 9] { folded.append(offset) }
        var repaired = SourceOffsetMap()
        repaired.append(contentsOf: folded, 1..<6)
        repaired.append(contentsOf: folded, 7..<8)
        #expect(Array(repaired) == [1, 2, 4, 5, 6, 9])
        #expect(repaired.runCount == 3)
    }
}
