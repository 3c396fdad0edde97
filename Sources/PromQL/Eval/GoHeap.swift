/// Go's `container/heap` over an array, so `topk`/`bottomk` keep the same samples Prometheus keeps on ties.
struct GoHeap<Element> {
    /// The heap's items, in heap order.
    var items: [Element]
    /// Go's `Less`.
    let less: (Element, Element) -> Bool

    /// `heap.Push`.
    mutating func push(_ item: Element) {
        items.append(item)
        up(items.count - 1)
    }

    /// `heap.Pop`, discarding the result.
    mutating func pop() {
        let last = items.count - 1
        items.swapAt(0, last)
        down(0, last)
        items.removeLast()
    }

    private mutating func up(_ start: Int) {
        var j = start
        while true {
            let i = (j - 1) / 2
            if i == j || !less(items[j], items[i]) { break }
            items.swapAt(i, j)
            j = i
        }
    }

    private mutating func down(_ start: Int, _ n: Int) {
        var i = start
        while true {
            let j1 = 2 * i + 1
            if j1 >= n || j1 < 0 { break }
            var j = j1
            let j2 = j1 + 1
            if j2 < n && less(items[j2], items[j1]) { j = j2 }
            if !less(items[j], items[i]) { break }
            items.swapAt(i, j)
            i = j
        }
    }
}
