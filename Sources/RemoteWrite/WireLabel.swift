/// A label pair as sent, before validation: byte slices of the request body.
struct WireLabel {
    var name: ByteSlice
    var value: ByteSlice
}
