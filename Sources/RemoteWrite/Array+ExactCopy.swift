extension Array {
    /// A new array holding `source`'s elements in storage of exactly their count (a scratch
    /// buffer keeps its own capacity for the next series).
    @inline(__always)
    init(exactCopyOf source: [Element]) {
        if source.isEmpty {
            self = []
            return
        }
        self = source.withUnsafeBufferPointer { elements in
            [Element](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
                buffer.baseAddress!.initialize(from: elements.baseAddress!, count: elements.count)
                initialized = elements.count
            }
        }
    }
}
