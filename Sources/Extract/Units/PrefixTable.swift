import Normalize

/// A table of surface forms looked up longest first at a scalar position.
///
/// The unit rules ask it at nearly every position of the text (the place census, the
/// organisation scanner), so a lookup is a few array reads and no hashing:
///
/// - the first scalar is answered from a bitset over the BMP, and its rank among the set bits
///   (a running count per 64-bit word plus one popcount) is the index of the root's child;
/// - every deeper node keeps its children as a sorted run of scalar values in one flat array,
///   searched in place (the lexicons' nodes have a handful of children);
/// - a node names its entry by index, so a walk copies no value until it returns.
struct PrefixTable<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    /// The first two scalars of all forms (`StartFilter`), for scans that ask at every position.
    private(set) var startPairs = StartFilter()
    /// Whether every form is made of plain ideographs (`NameText.isPlain`), so that scalar
    /// equality with a form is String equality.
    private(set) var formsArePlain = true

    private var values: [Value] = []
    /// Per node: the entry ending there, or -1. Node 0 is the root.
    private var entryOfNode: [Int32] = []
    /// Per node: its children are `childScalars[firstChild[n]..<firstChild[n + 1]]` (sorted
    /// ascending) and the nodes `childNodes` at the same indices.
    private var firstChild: [Int32] = []
    private var childScalars: [UInt32] = []
    private var childNodes: [Int32] = []
    /// The root's children by first scalar: bit `v` of `rootBits` is set when a form starts with
    /// BMP scalar `v`; the child is `childNodes[rootRank[v >> 6] + popcount(lower bits of its word)]`.
    private var rootBits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var rootRank = [Int32](repeating: 0, count: 0x10000 / 64)
    /// Forms starting beyond the BMP (none in the lexicons today), found the slow way.
    private var astralRoots: [UInt32: Int32] = [:]

    init(_ pairs: [(String, Value)]) {
        // Built as a map-per-node trie first, then laid out flat with sorted children.
        var mapChildren: [[UInt32: Int]] = [[:]]
        var mapEntry: [Int32] = [-1]
        for (form, value) in pairs where !form.isEmpty && entries[form] == nil {
            entries[form] = value
            if !form.unicodeScalars.allSatisfy(NameText.isPlain) { formsArePlain = false }
            startPairs.insert(form.unicodeScalars)
            var node = 0
            for scalar in form.unicodeScalars {
                if let next = mapChildren[node][scalar.value] {
                    node = next
                } else {
                    mapChildren.append([:])
                    mapEntry.append(-1)
                    mapChildren[node][scalar.value] = mapChildren.count - 1
                    node = mapChildren.count - 1
                }
            }
            mapEntry[node] = Int32(values.count)
            values.append(value)
        }
        entryOfNode = mapEntry
        for node in mapChildren.indices {
            firstChild.append(Int32(childScalars.count))
            for (scalar, child) in mapChildren[node].sorted(by: { $0.key < $1.key }) {
                childScalars.append(scalar)
                childNodes.append(Int32(child))
            }
        }
        firstChild.append(Int32(childScalars.count))
        // The root's children are its sorted run, BMP scalars first, so the k-th set bit is child k.
        for scalar in childScalars[Int(firstChild[0])..<Int(firstChild[1])] where scalar < 0x10000 {
            rootBits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
        }
        var rank = firstChild[0]
        for word in rootBits.indices {
            rootRank[word] = rank
            rank += Int32(rootBits[word].nonzeroBitCount)
        }
        for index in Int(firstChild[0])..<Int(firstChild[1]) where childScalars[index] >= 0x10000 {
            astralRoots[childScalars[index]] = childNodes[index]
        }
    }

    /// The root's child for `first`, or -1.
    @inline(__always)
    private func rootChild(_ first: UInt32) -> Int32 {
        guard first < 0x10000 else { return astralRoots[first] ?? -1 }
        let word = Int(first >> 6)
        let bit = UInt64(1) << UInt64(first & 63)
        let bits = rootBits[word]
        guard bits & bit != 0 else { return -1 }
        return childNodes[Int(rootRank[word]) + (bits & (bit &- 1)).nonzeroBitCount]
    }

    /// The child of `node` for `scalar`, or -1.
    @inline(__always)
    private func child(of node: Int32, _ scalar: UInt32) -> Int32 {
        var low = Int(firstChild[Int(node)])
        var high = Int(firstChild[Int(node) + 1])
        while low < high {
            let middle = (low + high) >> 1
            let probe = childScalars[middle]
            if probe == scalar { return childNodes[middle] }
            if probe < scalar { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    /// The longest form starting at `index` and ending at or before `limit`: its length in
    /// scalars and its entry's index (`value(at:)`), for callers that keep many matches and
    /// would otherwise hold a copy of each value.
    @inline(__always)
    func longestEntry(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (length: Int, entry: Int32)? {
        let end = min(limit, scalars.count)
        guard index >= 0, index < end else { return nil }
        var node = rootChild(scalars[index].value)
        guard node >= 0 else { return nil }
        var position = index + 1
        var best: (length: Int, entry: Int32)?
        while true {
            let entry = entryOfNode[Int(node)]
            if entry >= 0 { best = (position - index, entry) }
            guard position < end else { break }
            node = child(of: node, scalars[position].value)
            guard node >= 0 else { break }
            position += 1
        }
        return best
    }

    /// The longest entry starting at `index` and ending at or before `limit`.
    func longest(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (length: Int, value: Value)? {
        guard let found = longestEntry(in: scalars, at: index, limit: limit) else { return nil }
        return (found.length, values[Int(found.entry)])
    }

    /// How many entries the table holds (`value(at:)` takes 0..<count).
    var count: Int { values.count }

    /// The value of the entry `longestEntry` returned.
    func value(at entry: Int32) -> Value { values[Int(entry)] }

    subscript(form: String) -> Value? { entries[form] }
}
