import Foundation

/// Maps over inputs on `jobs` threads, results in input order (so outputs never depend on
/// scheduling).
enum ParallelMap {
    static func run<T, R>(_ inputs: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        guard jobs > 1, inputs.count > 1 else { return inputs.map(transform) }
        var results = [R?](repeating: nil, count: inputs.count)
        let lock = NSLock()
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: min(jobs, inputs.count)) { worker in
                var index = worker
                while index < inputs.count {
                    let result = transform(inputs[index])
                    lock.lock()
                    results[index] = result
                    lock.unlock()
                    index += jobs
                }
            }
        }
        return results.map { $0! }
    }
}
