extension String {
    /// The scalars as a String, encoded straight into the String's UTF-8 storage in one
    /// allocation. Appending to a `String.UnicodeScalarView` grows and re-checks the storage
    /// scalar by scalar, and every entity's `text`, name and title is built this way.
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        var capacity = 0
        for scalar in scalars {
            let value = scalar.value
            capacity += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        guard capacity > 0 else {
            self = ""
            return
        }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[written] = UInt8(value)
                    written += 1
                } else if value < 0x800 {
                    buffer[written] = UInt8(0xC0 | value >> 6)
                    buffer[written + 1] = UInt8(0x80 | value & 0x3F)
                    written += 2
                } else if value < 0x10000 {
                    buffer[written] = UInt8(0xE0 | value >> 12)
                    buffer[written + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
                    buffer[written + 2] = UInt8(0x80 | value & 0x3F)
                    written += 3
                } else {
                    buffer[written] = UInt8(0xF0 | value >> 18)
                    buffer[written + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
                    buffer[written + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
                    buffer[written + 3] = UInt8(0x80 | value & 0x3F)
                    written += 4
                }
            }
            return written
        }
    }
}
