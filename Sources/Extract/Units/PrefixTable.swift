import Normalize

/// A table of surface forms looked up longest first at a scalar position.
///
/// The unit rules ask it at nearly every position of the text (the place census, the
/// organisation scanner), so a lookup is a few array reads and no hashing:
///
/// - the first scalar is looked up in a small open-addressing table of the forms' first
///   scalars (most positions start no form, and are refused there);
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
    /// Per entry, its form (the key of `entries`).
    private(set) var forms: [String] = []
    /// Per node: the entry ending there, or -1. Node 0 is the root.
    private var entryOfNode: [Int32] = []
    /// Per node: its children are `childScalars[firstChild[n]..<firstChild[n + 1]]` (sorted
    /// ascending) and the nodes `childNodes` at the same indices.
    private var firstChild: [Int32] = []
    private var childScalars: [UInt32] = []
    private var childNodes: [Int32] = []
    /// The root's children by first scalar, in a small open-addressing table: `rootScalars[h]`
    /// holds a first scalar (or `emptyRoot`) and `rootNodes[h]` its child. A lexicon has a few
    /// dozen first scalars: the table takes a few hundred bytes and stays in the cache between
    /// lookups, where a bitset over the BMP took 12 KB per lexicon and missed it.
    private var rootScalars: [UInt32] = []
    private var rootNodes: [Int32] = []
    /// `rootScalars.count - 1` (a power of two, at most half full).
    private var rootMask = 0
    private static var emptyRoot: UInt32 { UInt32.max }

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
            forms.append(form)
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
        var slots = 8
        while slots < 2 * Int(firstChild[1] - firstChild[0]) { slots *= 2 }
        rootScalars = [UInt32](repeating: Self.emptyRoot, count: slots)
        rootNodes = [Int32](repeating: -1, count: slots)
        rootMask = slots - 1
        for index in Int(firstChild[0])..<Int(firstChild[1]) {
            var slot = Self.rootSlot(childScalars[index], mask: rootMask)
            while rootScalars[slot] != Self.emptyRoot { slot = (slot + 1) & rootMask }
            rootScalars[slot] = childScalars[index]
            rootNodes[slot] = childNodes[index]
        }
    }

    @inline(__always)
    private static func rootSlot(_ scalar: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The root's child for `first`, or -1.
    @inline(__always)
    private func rootChild(_ first: UInt32) -> Int32 {
        var slot = Self.rootSlot(first, mask: rootMask)
        while true {
            let scalar = rootScalars[slot]
            if scalar == first { return rootNodes[slot] }
            if scalar == Self.emptyRoot { return -1 }
            slot = (slot + 1) & rootMask
        }
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
        scalars.withUnsafeBufferPointer { longestEntry(in: $0, at: index, limit: limit) }
    }

    /// `longestEntry` over scalars the caller already holds as a buffer (the sweep's loop).
    @inline(__always)
    func longestEntry(in scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int) -> (length: Int, entry: Int32)? {
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
