import Foundation

/// The organisation names resolved so far, so that a name written again is read back instead
/// of resolved again.
///
/// Bulletins name the same few organisations over and over (the bench corpus: 27 784 units,
/// 770 distinct names); resolving one parses it, walks the lexicons and writes two Strings.
/// A resolution depends only on the name's scalars, on how it was read (`Origin`) and on the
/// part of the place context it reads (`PlaceContext.Key`, narrowed by `reading(level:)` and
/// `readingLocal` to what the name's place asks), so those are the key, and the units of one
/// name share its Strings.
///
/// Two tables: the document's own, asked first and without a lock, and the lexicon's, shared
/// by every document the process reads (`SharedResolvedNames`).
struct ResolvedNames {
    /// How a name was read, which decides how it resolves.
    enum Origin {
        /// Taken apart from its written text (`OrganisationName.parse`).
        case parsed
        /// A scanner match with the place it was found to start with (`PackedMatch.place`, `placeLength`).
        case matched(place: Int32, placeLength: UInt16)

        fileprivate var code: Int64 {
            switch self {
            case .parsed: return -1 << 40
            case let .matched(place, placeLength): return Int64(place) << 16 | Int64(placeLength)
            }
        }
    }

    struct Resolution: Sendable {
        /// The name as written, blanks removed (`WorkingText.compactString`).
        var written: String
        /// Its full official form, nil when its place cannot be resolved.
        var name: String?
    }

    /// A name to look up: where it is written, how it was read, and the context it is read under.
    struct Key {
        fileprivate let range: Range<Int>
        fileprivate let origin: Int64
        fileprivate let context: PlaceContext.Key
        fileprivate let hash: Int

        init(_ range: Range<Int>, origin: Origin, context: PlaceContext.Key, in scalars: [Unicode.Scalar]) {
            self.range = range
            self.origin = origin.code
            self.context = context
            var hash = UInt64(bitPattern: self.origin) &* 0x9E37_79B9_7F4A_7C15
            func mix(_ value: UInt32) { hash = (hash ^ UInt64(value)) &* 0x0100_0000_01B3 }
            mix(UInt32(bitPattern: context.city))
            mix(UInt32(bitPattern: context.county))
            mix(UInt32(bitPattern: context.ownCity))
            mix(UInt32(bitPattern: context.ownCounty))
            mix(context.hasProvince ? 1 : 0)
            for scalar in scalars[range] { mix(scalar.value) }
            self.hash = Int(truncatingIfNeeded: hash ^ hash >> 29)
        }
    }

    /// The document's names, read in place from its text.
    private var local = NameTable(copiesNames: false)
    private let shared: SharedResolvedNames

    init(shared: SharedResolvedNames) {
        self.shared = shared
    }

    /// The resolution recorded for `key`, if any (`scalars`: the document's text).
    mutating func resolution(for key: Key, in scalars: [Unicode.Scalar]) -> Resolution? {
        if let known = local.resolution(for: key, in: scalars) { return known }
        guard let known = shared.resolution(for: key, in: scalars) else { return nil }
        local.record(known, for: key, in: scalars)
        return known
    }

    /// Records the resolution of a key `resolution(for:in:)` did not find.
    mutating func record(_ resolution: Resolution, for key: Key, in scalars: [Unicode.Scalar]) {
        local.record(resolution, for: key, in: scalars)
        shared.record(resolution, for: key, in: scalars)
    }
}

/// The names resolved by every document read with one lexicon (`UnitLexicon.resolvedNames`).
///
/// Asked only for the names a document has not met yet, so the lock is taken a few dozen
/// times per document. It stops growing at `capacity` names.
final class SharedResolvedNames: @unchecked Sendable {
    private static let capacity = 1 << 16
    private let lock = NSLock()
    /// Room for every name it may hold, reserved at once: grown by doubling, each copy of the
    /// entries went to freshly mapped memory, paying a page fault per page again and again.
    /// (Reserved, not written: only the pages the names fill are ever touched.)
    private var table = NameTable(copiesNames: true, reserving: SharedResolvedNames.capacity)

    fileprivate func resolution(for key: ResolvedNames.Key, in scalars: [Unicode.Scalar]) -> ResolvedNames.Resolution? {
        lock.lock()
        defer { lock.unlock() }
        return table.resolution(for: key, in: scalars)
    }

    fileprivate func record(_ resolution: ResolvedNames.Resolution, for key: ResolvedNames.Key, in scalars: [Unicode.Scalar]) {
        lock.lock()
        defer { lock.unlock() }
        // Another document may have recorded it since it was asked for.
        guard table.count < Self.capacity, table.resolution(for: key, in: scalars) == nil else { return }
        table.record(resolution, for: key, in: scalars)
    }
}

/// An open-addressing table of resolutions. A key is compared with a recorded name scalar by
/// scalar, so a lookup builds nothing; the names are read from the one text every key is in,
/// or, for a table that outlives its documents, from a copy of their scalars.
private struct NameTable {
    private let copiesNames: Bool
    /// A key and its resolution side by side: a lookup that finds it reads one place.
    private struct Entry {
        var hash: Int
        var start: Int
        var count: Int
        var origin: Int64
        var context: PlaceContext.Key
        var resolution: ResolvedNames.Resolution
    }

    private var entries: [Entry] = []
    /// The scalars of every name recorded, one after the other.
    private var names: [Unicode.Scalar] = []
    /// Per slot, the high half of its entry's hash above the entry's index plus one, or 0 for
    /// none; a power of two long, at most half full. A probe reads the slot alone: the entry
    /// (its Strings beside the key) is read only when the hashes agree, so a lookup touches one
    /// more cache line only for the entry it finds.
    private var slots = [UInt64](repeating: 0, count: 64)

    var count: Int { entries.count }

    init(copiesNames: Bool, reserving capacity: Int = 0) {
        self.copiesNames = copiesNames
        entries.reserveCapacity(capacity)
        // Names are a dozen scalars or so.
        if copiesNames { names.reserveCapacity(capacity * 16) }
    }

    func resolution(for key: ResolvedNames.Key, in scalars: [Unicode.Scalar]) -> ResolvedNames.Resolution? {
        let tag = Self.tag(key.hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = key.hash & mask
            while true {
                let value = slots[slot]
                if value == 0 { return nil }
                if value & Self.tagMask == tag, matches(Int(truncatingIfNeeded: value & ~Self.tagMask) - 1, key, in: scalars) {
                    return entries[Int(truncatingIfNeeded: value & ~Self.tagMask) - 1].resolution
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The slot's high half for a hash: its own high half (the low bits chose the slot).
    @inline(__always)
    private static func tag(_ hash: Int) -> UInt64 {
        UInt64(bitPattern: Int64(hash)) & tagMask
    }

    mutating func record(_ resolution: ResolvedNames.Resolution, for key: ResolvedNames.Key, in scalars: [Unicode.Scalar]) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let start = copiesNames ? names.count : key.range.lowerBound
        entries.append(
            Entry(hash: key.hash, start: start, count: key.range.count, origin: key.origin, context: key.context, resolution: resolution))
        if copiesNames { names.append(contentsOf: scalars[key.range]) }
        place(entries.count - 1)
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        let hash = entries[index].hash
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Self.tag(hash) | UInt64(index + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index) }
    }

    private func matches(_ index: Int, _ key: ResolvedNames.Key, in scalars: [Unicode.Scalar]) -> Bool {
        // Read field by field in place: copying the entry would retain its Strings.
        guard entries[index].hash == key.hash, entries[index].count == key.range.count, entries[index].origin == key.origin,
            entries[index].context == key.context
        else { return false }
        let start = entries[index].start
        let offset = key.range.lowerBound - start
        let names = copiesNames ? names : scalars
        for index in start..<(start + key.range.count) where names[index] != scalars[index + offset] { return false }
        return true
    }
}
