/// An exemplar as sent, before its labels are validated: its labels (1.0) or label
/// references (2.0) are the range `labels` of the decoder's scratch list.
struct WireExemplar {
    var labels: Range<Int>
    var value: Double
    var timestamp: Int64
}
