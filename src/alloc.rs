//! The module's global allocator: segregated free lists of power-of-two blocks, about a tenth of the size of
//! the default allocator (dlmalloc) in the optimised module.
//!
//! Every block is a power of two of at least [`MIN`] bytes, and its class (log2 of its size) is computed from
//! the `Layout` alone: `max(size, align, MIN)` rounded up to a power of two. `GlobalAlloc` hands the same
//! layout back to `dealloc` and `realloc`, so blocks carry no header. A freed block is pushed on its class's
//! list (its first word links to the next one) and the next allocation of that class pops it, so repeated
//! work reuses the memory it freed: the heap reaches, per class, the most blocks ever live at once, and stays
//! there. Blocks are never split or merged once carved; the price is up to half of a block unused (a 40 KB
//! vector takes 64 KB) and no reuse across classes, which a chart's steady alternation of layouts does not
//! need. Measured: wasm memory 1.9 MiB on the demo page (dlmalloc: 1.5 MiB), 14.4 MiB after reading the
//! 1.3 MB stress dataset (8.6 MiB), in either case flat over repeated work; read and mount times unchanged.
//!
//! New blocks are carved from the top of the heap at an address aligned to their size (or to a page, for
//! blocks of a page or more), so a block satisfies any alignment up to its size: a class holds blocks for
//! `(size 32, align 8)` and `(size 32, align 32)` alike. The gap left below such an address is itself cut
//! into naturally aligned power-of-two blocks and put on their lists, so carving wastes nothing. The heap
//! grows by whole pages through a [`Grow`] (on wasm32, `memory.grow`), which the native tests replace by an
//! arena.
//!
//! `realloc` keeps the block when the new size falls in the same class (a `String` growing within its
//! block, or a buffer shrunk to fit), and otherwise moves the contents to a block of the new class.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr;

/// The WebAssembly page, the unit in which the heap grows.
pub const PAGE: usize = 65536;
/// The smallest block: room for the link of a free block, and 8-byte aligned.
const MIN: usize = 8;
const CLASSES: usize = usize::BITS as usize;

/// Grows the heap as `memory.grow` does: by `pages` pages, returning the previous size in pages, or
/// `usize::MAX` when the memory cannot grow. The new pages start at `previous size * PAGE`.
pub trait Grow {
    fn grow(&self, pages: usize) -> usize;
}

pub struct Allocator<G> {
    state: UnsafeCell<State>,
    grow: G,
}

struct State {
    /// Per class k, the address of the first free block of 2^k bytes (0: none).
    free: [usize; CLASSES],
    /// The top of the heap: [bump, end) is owned by the allocator and not yet carved; end is a page boundary.
    bump: usize,
    end: usize,
}

impl<G> Allocator<G> {
    pub const fn new(grow: G) -> Self {
        Allocator { state: UnsafeCell::new(State { free: [0; CLASSES], bump: 0, end: 0 }), grow }
    }
}

/// The class of a layout: log2 of the block that holds it. `size <= isize::MAX` and `align` is a power of two
/// no larger than that, so the result is at most `usize::BITS - 1`.
fn class(size: usize, align: usize) -> usize {
    let size = size.max(align).max(MIN);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

impl State {
    /// Pushes the free block at `addr`, of class `k`, on its list.
    unsafe fn push(&mut self, addr: usize, k: usize) {
        *(addr as *mut usize) = self.free[k];
        self.free[k] = addr;
    }
}

// SAFETY: `alloc` returns a block of 2^k >= size bytes aligned to min(2^k, PAGE) >= align (larger alignments are
// refused), that no live allocation overlaps: a block is either carved from [bump, end), which is then moved
// past it, or popped from a free list, where only `dealloc` (of a block no longer in use) put it. `dealloc`
// finds the same class as `alloc` did because it is given the same layout. No method allocates, so none is
// re-entered; `Sync` is discussed on `SingleThreaded`. A layout other than the one allocated with (a wrong
// size passed to `__wbindgen_free`, say) would file the block under another class: the contract forbids it.
unsafe impl<G: Grow> GlobalAlloc for Allocator<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > PAGE {
            return ptr::null_mut();
        }
        let k = class(layout.size(), layout.align());
        let st = &mut *self.state.get();
        let head = st.free[k];
        if head != 0 {
            st.free[k] = *(head as *const usize);
            return head as *mut u8;
        }
        let size = 1usize << k;
        let align = size.min(PAGE);
        loop {
            if st.bump & (align - 1) != 0 {
                // Cut the gap below the next aligned address into blocks: the lowest set bit of `bump` gives the
                // largest block aligned to its own size that starts there. It is smaller than `align`, a divisor
                // of PAGE, so it ends at or before `end`, which is a page boundary.
                let low = st.bump & st.bump.wrapping_neg();
                st.push(st.bump, low.trailing_zeros() as usize);
                st.bump += low;
            } else if st.end - st.bump >= size {
                let addr = st.bump;
                st.bump += size;
                return addr as *mut u8;
            } else {
                // Room for the whole block in the new pages alone, so one growth always suffices: if they
                // follow our top, the aligned address is at most the old end; if something else grew the
                // memory in between, the rest of our old top is abandoned and carving starts at the new pages.
                let pages = size.div_ceil(PAGE);
                let previous = self.grow.grow(pages);
                if previous == usize::MAX {
                    return ptr::null_mut();
                }
                let base = previous * PAGE;
                if base != st.end {
                    st.bump = base;
                }
                st.end = base + pages * PAGE;
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        (*self.state.get()).push(ptr as usize, class(layout.size(), layout.align()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if class(new_size, layout.align()) == class(layout.size(), layout.align()) {
            return ptr;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !new.is_null() {
            ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}

#[cfg(target_arch = "wasm32")]
pub struct Memory;

#[cfg(target_arch = "wasm32")]
impl Grow for Memory {
    fn grow(&self, pages: usize) -> usize {
        core::arch::wasm32::memory_grow(0, pages)
    }
}

// The `UnsafeCell` state is only sound without threads: a wasm32 module built without the `atomics` feature
// has exactly one thread, and the allocator never calls itself, so no two borrows of the state overlap.
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("src/alloc.rs is single-threaded: build without the atomics target feature, or drop it");

#[cfg(target_arch = "wasm32")]
struct SingleThreaded(Allocator<Memory>);

// SAFETY: see above: the wasm32 module without `atomics` has a single thread.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for SingleThreaded {}

#[cfg(target_arch = "wasm32")]
unsafe impl GlobalAlloc for SingleThreaded {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.0.alloc(layout)
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout)
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.0.realloc(ptr, layout, new_size)
    }
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static WASM: SingleThreaded = SingleThreaded(Allocator::new(Memory));

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A heap of `limit` pages in a page-aligned native block, grown as `memory.grow` grows the module's memory.
    struct Arena {
        base: usize,
        limit: usize,
        used: Cell<usize>,
        /// Pages skipped before each growth, as if something else had grown the memory, and which they were.
        skip: usize,
        skipped: std::cell::RefCell<Vec<usize>>,
    }

    impl Arena {
        fn new(limit: usize) -> Self {
            let layout = Layout::from_size_align(limit * PAGE, PAGE).unwrap();
            let base = unsafe { std::alloc::alloc(layout) } as usize;
            assert_ne!(base, 0);
            Arena { base, limit, used: Cell::new(0), skip: 0, skipped: Default::default() }
        }
        fn contains(&self, addr: usize, size: usize) -> bool {
            addr >= self.base && addr + size <= self.base + self.used.get() * PAGE
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            let layout = Layout::from_size_align(self.limit * PAGE, PAGE).unwrap();
            unsafe { std::alloc::dealloc(self.base as *mut u8, layout) }
        }
    }

    impl Grow for &Arena {
        fn grow(&self, pages: usize) -> usize {
            let start = self.used.get() + self.skip;
            if start + pages > self.limit {
                return usize::MAX;
            }
            self.skipped.borrow_mut().extend(self.used.get()..start);
            self.used.set(start + pages);
            self.base / PAGE + start
        }
    }

    /// A small deterministic generator (xorshift), so that failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> usize {
            (self.next() % n) as usize
        }
        /// Mostly small sizes, sometimes tens of KB, rarely more than a MB: the module's mix.
        fn size(&mut self) -> usize {
            match self.below(100) {
                0 => self.below(2 << 20),
                1..=10 => self.below(64 << 10),
                11..=20 => 0,
                _ => self.below(300),
            }
        }
        fn align(&mut self) -> usize {
            1 << self.below(7) // 1 to 64
        }
    }

    struct Live {
        ptr: *mut u8,
        layout: Layout,
        tag: u8,
    }

    fn fill(live: &Live) {
        unsafe { ptr::write_bytes(live.ptr, live.tag, live.layout.size()) }
    }

    fn check(live: &Live) {
        let bytes = unsafe { std::slice::from_raw_parts(live.ptr, live.layout.size()) };
        assert!(bytes.iter().all(|&b| b == live.tag), "a live block was overwritten");
    }

    fn checked_alloc(a: &Allocator<&Arena>, arena: &Arena, layout: Layout, tag: u8) -> Live {
        let ptr = unsafe { a.alloc(layout) };
        assert!(!ptr.is_null());
        assert_eq!(ptr as usize % layout.align(), 0, "{layout:?}");
        assert!(arena.contains(ptr as usize, layout.size()));
        let live = Live { ptr, layout, tag };
        fill(&live);
        live
    }

    /// Random allocations, frees and reallocs: every block is aligned, inside the heap, and keeps its contents
    /// while the others come and go (each is filled with its own tag and checked before it is freed).
    fn churn(a: &Allocator<&Arena>, arena: &Arena, rng: &mut Rng, live: &mut Vec<Live>, steps: usize) {
        for step in 0..steps {
            let tag = (step % 251) as u8 + 1;
            match rng.below(10) {
                0..=3 if !live.is_empty() => {
                    let old = live.swap_remove(rng.below(live.len() as u64));
                    check(&old);
                    unsafe { a.dealloc(old.ptr, old.layout) };
                }
                4..=5 if !live.is_empty() => {
                    let i = rng.below(live.len() as u64);
                    check(&live[i]);
                    let old = &live[i];
                    let new_size = rng.size();
                    let ptr = unsafe { a.realloc(old.ptr, old.layout, new_size) };
                    assert!(!ptr.is_null());
                    assert_eq!(ptr as usize % old.layout.align(), 0);
                    let kept = old.layout.size().min(new_size);
                    let bytes = unsafe { std::slice::from_raw_parts(ptr, kept) };
                    assert!(bytes.iter().all(|&b| b == old.tag), "realloc lost the contents");
                    let layout = Layout::from_size_align(new_size, old.layout.align()).unwrap();
                    assert!(arena.contains(ptr as usize, new_size));
                    live[i] = Live { ptr, layout, tag };
                    fill(&live[i]);
                }
                _ => {
                    let layout = Layout::from_size_align(rng.size(), rng.align()).unwrap();
                    live.push(checked_alloc(a, arena, layout, tag));
                }
            }
        }
        for l in live.iter() {
            check(l);
        }
    }

    fn free_all(a: &Allocator<&Arena>, live: &mut Vec<Live>) {
        for l in live.drain(..) {
            check(&l);
            unsafe { a.dealloc(l.ptr, l.layout) };
        }
    }

    #[test]
    fn random_work_keeps_every_block_intact() {
        let arena = Arena::new(4096);
        let a = Allocator::new(&arena);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut live = Vec::new();
        churn(&a, &arena, &mut rng, &mut live, 20_000);
        free_all(&a, &mut live);
    }

    #[test]
    fn repeated_work_reuses_freed_memory() {
        let arena = Arena::new(4096);
        let a = Allocator::new(&arena);
        let mut used = Vec::new();
        for _ in 0..5 {
            // The same work each round: the heap grows in the first round only.
            let mut rng = Rng(42);
            let mut live = Vec::new();
            churn(&a, &arena, &mut rng, &mut live, 3_000);
            free_all(&a, &mut live);
            used.push(arena.used.get());
        }
        assert!(used.iter().all(|&u| u == used[0]), "the heap grew with repeated work: {used:?}");
    }

    #[test]
    fn alignment_up_to_a_page_whatever_the_size() {
        let arena = Arena::new(1024);
        let a = Allocator::new(&arena);
        let mut live = Vec::new();
        for round in 0..3 {
            for align_log in 0..=16 {
                for size in [0, 1, 3, 8, 15, 16, 17, 100, 4095, 70_000] {
                    let layout = Layout::from_size_align(size, 1 << align_log).unwrap();
                    live.push(checked_alloc(&a, &arena, layout, (align_log + 1) as u8));
                }
            }
            if round == 1 {
                // Freed blocks serve the other alignments of their class.
                let mut rng = Rng(7);
                while live.len() > 20 {
                    let l = live.swap_remove(rng.below(live.len() as u64));
                    check(&l);
                    unsafe { a.dealloc(l.ptr, l.layout) };
                }
            }
        }
        free_all(&a, &mut live);
        assert!(unsafe { a.alloc(Layout::from_size_align(8, 2 * PAGE).unwrap()) }.is_null());
    }

    #[test]
    fn realloc_keeps_the_block_within_its_class_and_moves_the_contents_otherwise() {
        let arena = Arena::new(256);
        let a = Allocator::new(&arena);
        unsafe {
            let layout = Layout::from_size_align(20, 4).unwrap();
            let p = a.alloc(layout);
            for i in 0..20 {
                *p.add(i) = i as u8;
            }
            // 20 and 32 bytes share the 32-byte class.
            assert_eq!(a.realloc(p, layout, 32), p);
            let q = a.realloc(p, Layout::from_size_align(32, 4).unwrap(), 33);
            assert_ne!(q, p);
            assert!((0..20).all(|i| *q.add(i) == i as u8));
            // The old block went back to its list: the next 32-byte block is that one.
            assert_eq!(a.alloc(Layout::from_size_align(30, 1).unwrap()), p);
            // Shrinking moves to the smaller class, keeping the prefix.
            let r = a.realloc(q, Layout::from_size_align(33, 4).unwrap(), 5);
            assert!((0..5).all(|i| *r.add(i) == i as u8));
        }
    }

    #[test]
    fn a_vec_grown_by_realloc_to_megabytes() {
        let arena = Arena::new(1024);
        let a = Allocator::new(&arena);
        unsafe {
            let mut layout = Layout::from_size_align(1, 1).unwrap();
            let mut p = a.alloc(layout);
            *p = 0;
            while layout.size() < 3 << 20 {
                let new_size = layout.size() * 3 / 2 + 1;
                p = a.realloc(p, layout, new_size);
                assert!(!p.is_null());
                for i in layout.size()..new_size {
                    *p.add(i) = i as u8;
                }
                layout = Layout::from_size_align(new_size, 1).unwrap();
            }
            assert!((0..layout.size()).all(|i| *p.add(i) == i as u8));
            a.dealloc(p, layout);
        }
    }

    #[test]
    fn out_of_memory_is_a_null_pointer_and_the_heap_stays_usable() {
        let arena = Arena::new(4);
        let a = Allocator::new(&arena);
        unsafe {
            let small = a.alloc(Layout::from_size_align(100, 8).unwrap());
            assert!(!small.is_null());
            assert!(a.alloc(Layout::from_size_align(5 * PAGE, 8).unwrap()).is_null());
            assert!(a.realloc(small, Layout::from_size_align(100, 8).unwrap(), 5 * PAGE).is_null());
            // The failed realloc left the old block alive and allocations still succeed.
            let other = a.alloc(Layout::from_size_align(100, 8).unwrap());
            assert!(!other.is_null() && other != small);
        }
    }

    #[test]
    fn memory_grown_by_someone_else_is_left_alone() {
        let mut arena = Arena::new(4096);
        arena.skip = 1;
        let a = Allocator::new(&arena);
        let mut rng = Rng(3);
        let mut live = Vec::new();
        churn(&a, &arena, &mut rng, &mut live, 3_000);
        let skipped = arena.skipped.borrow();
        assert!(skipped.len() > 10);
        for l in &live {
            let first = (l.ptr as usize - arena.base) / PAGE;
            let last = (l.ptr as usize + l.layout.size().max(1) - 1 - arena.base) / PAGE;
            assert!(
                skipped.iter().all(|&page| page < first || page > last),
                "a block lies in a skipped page"
            );
        }
        free_all(&a, &mut live);
    }
}
