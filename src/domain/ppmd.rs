//! A PPMd decoder: PPMd variant H (PPMd7) with the range coder of the 7z format, decoding only, from a byte
//! slice into a buffer of known length. It reads what `ppmd_rust::Ppmd7Encoder` writes (build.rs compresses
//! the catalogue texts with it, without an end marker) and is used by `catalogue` to decode them.
//!
//! Ported from ppmd-rust 1.5.2 (CC0-1.0 OR MIT-0), itself a port of Igor Pavlov's 7-Zip PPMd code after
//! Dmitry Shkarin's PPMd var.H. This port keeps the model and its arithmetic exactly (the output must be
//! the same byte for byte) and leaves out the encoder, the other variants, `std::io` and generic readers,
//! which the app does not need and which made its code larger.
//!
//! The model lives in one block of bytes. Every reference into it is a byte offset, 0 being the null
//! reference. The text area (the raw bytes the model has seen) grows up from the start, and the unit area
//! (12-byte units holding contexts and arrays of states) fills the end. The records:
//!
//! - a state, 6 bytes: `symbol: u8`, `freq: u8`, `successor: u32` (a context, or a position in the text
//!   area while the context does not exist yet);
//! - a context, one unit: `num_stats: u16`, `summ_freq: u16`, `stats: u32` (its array of states),
//!   `suffix: u32` (the context one order shorter). A context with one state keeps that state at offset 2,
//!   over `summ_freq` and `stats`;
//! - a free block, while free blocks are glued together: `stamp: u16` (0), `nu: u16` (its size in units),
//!   `next: u32`. In a free list, the link to the next block is a `u32` at offset 0.
//!
//! A damaged stream decodes to wrong bytes or to `None`, never to a panic or an endless loop: memory
//! accesses outside the block read 0 and write nothing, divisions check for 0, table indices are masked
//! into range, and every walk along the model's links is bounded. (Decoding any stream moves the model
//! the way encoding some input would, so a valid model stays valid; these checks only make sure of it.)

/// The lowest model order that PPMd7 supports.
const MIN_ORDER: u32 = 2;
/// The highest model order that PPMd7 supports.
const MAX_ORDER: u32 = 64;
/// The least model memory that PPMd7 supports.
const MIN_MEM_SIZE: u32 = 2048;
/// The most model memory that PPMd7 supports (almost 4 GiB).
const MAX_MEM_SIZE: u32 = u32::MAX - 36;

/// Bytes in one unit of the unit area.
const UNIT_SIZE: u32 = 12;
/// Bytes in one state: two states fill a unit.
const STATE_SIZE: u32 = 6;

/// Frequencies are rescaled when one grows above this.
const MAX_FREQ: u32 = 124;
/// The range coder reads a byte whenever its range falls below this.
const TOP: u32 = 1 << 24;

const INT_BITS: u32 = 7;
const PERIOD_BITS: u32 = 7;
const BIN_SCALE: u32 = 1 << (INT_BITS + PERIOD_BITS);

/// Number of block sizes that the allocator keeps free lists for.
const NUM_INDEXES: usize = 38;

/// The secondary escape estimation row used for contexts with all 256 symbols (which do not use one).
const DUMMY_SEE: usize = 25;

const EXP_ESCAPE: [u8; 16] = [25, 14, 9, 7, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2];
const INIT_BIN_ESC: [u16; 8] = [0x3CDD, 0x1F3F, 0x59BF, 0x48F3, 0x64A1, 0x5ABC, 0x6632, 0x6051];

/// Units in a block of each size class: 1, 2, 3, 4, 6, 8, 10, 12, 15, 18, 21, 24, 28, 32, ... 128.
const INDEX2UNITS: [u8; NUM_INDEXES] = {
    let mut table = [0; NUM_INDEXES];
    let (mut i, mut units) = (0, 0);
    while i < NUM_INDEXES {
        units += if i >= 12 { 4 } else { i / 4 + 1 };
        table[i] = units as u8;
        i += 1;
    }
    table
};

/// The smallest size class that holds `n + 1` units.
const UNITS2INDEX: [u8; 128] = {
    let mut table = [0; 128];
    let (mut i, mut n) = (0, 0);
    while n < 128 {
        if INDEX2UNITS[i] as usize <= n {
            i += 1;
        }
        table[n] = i as u8;
        n += 1;
    }
    table
};

/// The row of the secondary escape estimation for `n + 1` symbols that are not masked (0 to 24).
const NS2INDEX: [u8; 256] = {
    let mut table = [0; 256];
    let (mut i, mut m, mut k) = (0, 3, 1);
    while i < 256 {
        if i < 3 {
            table[i] = i as u8;
        } else {
            table[i] = m;
            k -= 1;
            if k == 0 {
                m += 1;
                k = m - 2;
            }
        }
        i += 1;
    }
    table
};

/// The secondary escape estimation for one kind of context: an adaptive estimate of its escape frequency.
#[derive(Clone, Copy, Default)]
struct See {
    summ: u16,
    shift: u8,
    count: u8,
}

/// Decodes `len` bytes from a PPMd7 stream that was written with model order `order` and `mem_size` bytes
/// of model memory (and the 7z range coder). Bytes past the end of `stream` read as 0.
///
/// `None` if the parameters are outside what PPMd7 supports (order 2 to 64, memory 2048 bytes to almost
/// 4 GiB), if the memory cannot be allocated, or if the stream is found broken: it does not start like a
/// range coder's output, or it codes an end marker or an impossible symbol before `len` bytes.
pub fn decode(stream: &[u8], order: u32, mem_size: u32, len: usize) -> Option<Vec<u8>> {
    if !(MIN_ORDER..=MAX_ORDER).contains(&order) || !(MIN_MEM_SIZE..=MAX_MEM_SIZE).contains(&mem_size) {
        return None;
    }
    // The 7z range coder starts with a 0 byte, then the code in big-endian order.
    let mut header = [0; 5];
    for (to, from) in header.iter_mut().zip(stream) {
        *to = *from;
    }
    let [0, code @ ..] = header else {
        return None;
    };
    let code = u32::from_be_bytes(code);
    if code == u32::MAX {
        return None;
    }
    let mut out = zeroed(len)?;
    let align_offset = 4u32.wrapping_sub(mem_size) & 3;
    let mut decoder = Decoder {
        input: stream.get(5..).unwrap_or_default(),
        range: u32::MAX,
        code,
        min_context: 0,
        max_context: 0,
        found_state: 0,
        order_fall: 0,
        init_esc: 0,
        prev_success: 0,
        max_order: order,
        hi_bits_flag: 0,
        run_length: 0,
        init_rl: 0,
        size: mem_size,
        glue_count: 0,
        align_offset,
        lo_unit: 0,
        hi_unit: 0,
        text: 0,
        units_start: 0,
        free_list: [0; NUM_INDEXES],
        see: [[See::default(); 16]; 32],
        bin_summ: [[0; 64]; 128],
        mem: zeroed(align_offset as usize + mem_size as usize)?,
    };
    decoder.restart_model();
    for byte in out.iter_mut() {
        *byte = decoder.decode_symbol()?;
    }
    Some(out)
}

/// `len` zero bytes; `None` if they cannot be allocated.
fn zeroed(len: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(len).ok()?;
    bytes.resize(len, 0);
    Some(bytes)
}

/// The range decoder and the model.
struct Decoder<'a> {
    /// The rest of the stream.
    input: &'a [u8],
    range: u32,
    code: u32,

    min_context: u32,
    max_context: u32,
    found_state: u32,
    order_fall: u32,
    init_esc: u32,
    prev_success: u32,
    max_order: u32,
    hi_bits_flag: u32,
    run_length: i32,
    init_rl: i32,

    /// The model memory in bytes, without the alignment offset.
    size: u32,
    glue_count: u32,
    /// Where the text area starts: the block is laid out as in 7-Zip, whose unit area ends 4-aligned.
    align_offset: u32,
    lo_unit: u32,
    hi_unit: u32,
    text: u32,
    units_start: u32,
    /// The first free block of each size class (0: none).
    free_list: [u32; NUM_INDEXES],
    /// Rows 0 to 24 as in PPMd; row 25 stands for the dummy estimate, whose shift of 7 keeps it from ever
    /// changing what is decoded; the rest only make the rows a power of two.
    see: [[See; 16]; 32],
    bin_summ: [[u16; 64]; 128],
    mem: Vec<u8>,
}

impl Decoder<'_> {
    // The range decoder.

    /// The next byte of the stream, or 0 past its end.
    fn next_byte(&mut self) -> u32 {
        match self.input {
            [first, rest @ ..] => {
                self.input = rest;
                u32::from(*first)
            }
            [] => 0,
        }
    }

    /// Divides the range into `total` parts and returns the part that the code lies in (which a valid
    /// stream keeps below `total`). `None` for a total of 0, which only a broken model could give.
    fn threshold(&mut self, total: u32) -> Option<u32> {
        self.range = self.range.checked_div(total)?;
        self.code.checked_div(self.range)
    }

    /// Narrows the range to the parts `start..start + size` of the last `threshold`.
    fn decode_range(&mut self, start: u32, size: u32) {
        self.code = self.code.wrapping_sub(start.wrapping_mul(self.range));
        self.range = self.range.wrapping_mul(size);
    }

    /// Reads up to two bytes while the range is below 2^24.
    fn normalize(&mut self) {
        if self.range < TOP {
            self.code = self.code << 8 | self.next_byte();
            self.range <<= 8;
            if self.range < TOP {
                self.code = self.code << 8 | self.next_byte();
                self.range <<= 8;
            }
        }
    }

    // Reading and writing the model memory. Outside the block, reads give 0 and writes do nothing. Records
    // are read whole, so that one bounds check covers all their fields.

    fn record<const N: usize>(&self, at: u32) -> [u8; N] {
        match self.mem.get(at as usize..).and_then(|m| m.first_chunk::<N>()) {
            Some(bytes) => *bytes,
            None => [0; N],
        }
    }

    fn set_record<const N: usize>(&mut self, at: u32, value: [u8; N]) {
        if let Some(bytes) = self.mem.get_mut(at as usize..).and_then(|m| m.first_chunk_mut::<N>()) {
            *bytes = value;
        }
    }

    fn context(&self, ctx: u32) -> Context {
        let r: [u8; 12] = self.record(ctx);
        Context {
            num_stats: u32::from(u16::from_le_bytes([r[0], r[1]])),
            summ_freq: u32::from(u16::from_le_bytes([r[2], r[3]])),
            stats: u32::from_le_bytes([r[4], r[5], r[6], r[7]]),
            suffix: u32::from_le_bytes([r[8], r[9], r[10], r[11]]),
        }
    }

    fn set_context(&mut self, ctx: u32, c: Context) {
        let [n0, n1] = (c.num_stats as u16).to_le_bytes();
        let [f0, f1] = (c.summ_freq as u16).to_le_bytes();
        let [s0, s1, s2, s3] = c.stats.to_le_bytes();
        let [x0, x1, x2, x3] = c.suffix.to_le_bytes();
        self.set_record(ctx, [n0, n1, f0, f1, s0, s1, s2, s3, x0, x1, x2, x3]);
    }

    /// Sets the first two fields of a context.
    fn set_counts(&mut self, ctx: u32, num_stats: u32, summ_freq: u32) {
        self.set_record(ctx, (num_stats & 0xFFFF | summ_freq << 16).to_le_bytes());
    }

    fn set_summ_freq(&mut self, ctx: u32, value: u32) {
        self.set_record(ctx.wrapping_add(2), (value as u16).to_le_bytes());
    }

    fn set_stats(&mut self, ctx: u32, value: u32) {
        self.set_record(ctx.wrapping_add(4), value.to_le_bytes());
    }

    /// (Always inlined: it is on the hot path, and a call per state read made decoding about 15% slower
    /// natively, for some 200 bytes of wasm.)
    #[inline(always)]
    fn state(&self, s: u32) -> State {
        let r: [u8; 6] = self.record(s);
        State {
            symbol: u32::from(r[0]),
            freq: u32::from(r[1]),
            successor: u32::from_le_bytes([r[2], r[3], r[4], r[5]]),
        }
    }

    fn set_state(&mut self, s: u32, symbol: u32, freq: u32, successor: u32) {
        let [a, b, c, d] = successor.to_le_bytes();
        self.set_record(s, [symbol as u8, freq as u8, a, b, c, d]);
    }

    fn set_freq(&mut self, s: u32, value: u32) {
        self.set_record(s.wrapping_add(1), [value as u8]);
    }

    fn set_successor(&mut self, s: u32, value: u32) {
        self.set_record(s.wrapping_add(2), value.to_le_bytes());
    }

    fn copy_state(&mut self, from: u32, to: u32) {
        let state: [u8; 6] = self.record(from);
        self.set_record(to, state);
    }

    fn swap_states(&mut self, a: u32, b: u32) {
        let state: [u8; 6] = self.record(a);
        self.copy_state(b, a);
        self.set_record(b, state);
    }

    /// The `n` states of the array at `stats`; none if they do not all lie in the memory.
    fn states(&self, stats: u32, n: u32) -> &[[u8; 6]] {
        let states = self.mem.get(stats as usize..).unwrap_or_default().as_chunks::<6>().0;
        states.get(..n as usize).unwrap_or_default()
    }

    /// The state of `symbol` in context `ctx`, which must hold it.
    fn find_state(&self, ctx: u32, symbol: u32) -> u32 {
        let c = self.context(ctx);
        if c.num_stats == 1 {
            return ctx.wrapping_add(2);
        }
        let i = self.states(c.stats, c.num_stats).iter().position(|s| u32::from(s[0]) == symbol);
        c.stats.wrapping_add(i.unwrap_or(0) as u32 * STATE_SIZE)
    }

    /// Copies `nu` units; the blocks do not overlap.
    fn copy_units(&mut self, from: u32, to: u32, nu: u32) {
        let (from, to, len) = (from as usize, to as usize, (nu * UNIT_SIZE) as usize);
        let fits = |at: usize| at.checked_add(len).is_some_and(|end| end <= self.mem.len());
        if fits(from) && fits(to) {
            self.mem.copy_within(from..from + len, to);
        }
    }

    // The allocator of the unit area.

    /// Number of the free list for blocks of `nu` units (1 to 128).
    fn units2index(nu: u32) -> usize {
        usize::from(UNITS2INDEX[(nu.wrapping_sub(1) & 127) as usize])
    }

    /// Units in a block of size class `index`.
    fn index2units(index: usize) -> u32 {
        u32::from(INDEX2UNITS[index % NUM_INDEXES])
    }

    fn insert_node(&mut self, node: u32, index: usize) {
        let index = index % NUM_INDEXES;
        self.set_record(node, self.free_list[index].to_le_bytes());
        self.free_list[index] = node;
    }

    /// Takes the first block of a free list, which must not be empty.
    fn remove_node(&mut self, index: usize) -> u32 {
        let index = index % NUM_INDEXES;
        let node = self.free_list[index];
        self.free_list[index] = u32::from_le_bytes(self.record(node));
        node
    }

    /// Gives back the part of a block of size class `old_index` above its first `new_index` units.
    fn split_block(&mut self, block: u32, old_index: usize, new_index: usize) {
        let new_units = Self::index2units(new_index);
        let nu = Self::index2units(old_index).wrapping_sub(new_units);
        self.insert_units(block.wrapping_add(new_units * UNIT_SIZE), nu);
    }

    /// Puts a block of `nu` units (1 to 128) into the free lists: into one list if it has the size of a
    /// class, otherwise into two.
    fn insert_units(&mut self, block: u32, nu: u32) {
        let mut i = Self::units2index(nu);
        if Self::index2units(i) != nu {
            i = i.wrapping_sub(1);
            let k = Self::index2units(i);
            self.insert_node(block.wrapping_add(k * UNIT_SIZE), nu.wrapping_sub(k + 1) as usize);
        }
        self.insert_node(block, i);
    }

    /// A free block while free blocks are glued: its stamp (0), its size in units and the next block.
    fn node(&self, node: u32) -> (u32, u32, u32) {
        let r: [u8; 8] = self.record(node);
        (
            u32::from(u16::from_le_bytes([r[0], r[1]])),
            u32::from(u16::from_le_bytes([r[2], r[3]])),
            u32::from_le_bytes([r[4], r[5], r[6], r[7]]),
        )
    }

    fn set_node(&mut self, node: u32, nu: u32, next: u32) {
        let [a, b] = (nu as u16).to_le_bytes();
        let [c, d, e, f] = next.to_le_bytes();
        self.set_record(node, [0, 0, a, b, c, d, e, f]);
    }

    fn set_nu(&mut self, node: u32, nu: u32) {
        self.set_record(node.wrapping_add(2), (nu as u16).to_le_bytes());
    }

    /// Joins adjacent free blocks and sorts them into the free lists again. The first `u16` of every unit
    /// tells what it is: a state array has a symbol and a frequency (not 0), a context its number of states
    /// (not 0), and a free block 0; the guard at `lo_unit` gets 1.
    fn glue_free_blocks(&mut self) {
        // Free blocks are never more than the units there are: this bounds every walk along a list.
        let most = self.size / UNIT_SIZE;
        let mut head = 0;
        self.glue_count = 255;
        if self.lo_unit != self.hi_unit {
            self.set_record(self.lo_unit, [1, 0]);
        }

        // One list of all free blocks, each marked with its size.
        let mut walked = 0;
        for i in 0..NUM_INDEXES {
            let mut next = std::mem::take(&mut self.free_list[i]);
            while next != 0 && walked < most {
                walked += 1;
                let node = next;
                next = u32::from_le_bytes(self.record(node));
                self.set_node(node, Self::index2units(i), head);
                head = node;
            }
        }

        // Glue each block to the free blocks right above it; the glued ones get size 0 and leave the list.
        let mut n = head;
        let mut prev: u32 = 0;
        walked = 0;
        while n != 0 && walked < most {
            walked += 1;
            let node = n;
            let (_, mut nu, next) = self.node(node);
            n = next;
            if nu == 0 {
                if prev == 0 {
                    head = n;
                } else {
                    self.set_record(prev.wrapping_add(4), n.to_le_bytes());
                }
            } else {
                prev = node;
                loop {
                    let node2 = node.wrapping_add(nu * UNIT_SIZE);
                    let (stamp2, nu2, _) = self.node(node2);
                    nu += nu2;
                    if stamp2 != 0 || nu >= 0x10000 || nu2 == 0 {
                        break;
                    }
                    self.set_nu(node, nu);
                    self.set_nu(node2, 0);
                }
            }
        }

        // Back into the free lists, in the same order; blocks over 128 units in pieces of 128.
        let mut n = head;
        walked = 0;
        while n != 0 && walked < most {
            walked += 1;
            let mut node = n;
            let (_, mut nu, next) = self.node(node);
            n = next;
            if nu == 0 {
                continue;
            }
            while nu > 128 {
                self.insert_node(node, NUM_INDEXES - 1);
                nu -= 128;
                node = node.wrapping_add(128 * UNIT_SIZE);
            }
            self.insert_units(node, nu);
        }
    }

    /// Allocates a block of size class `index` when its free list is empty and the gap between `lo_unit`
    /// and `hi_unit` too small: glues free blocks (at most every 255 calls), splits a larger free block, or
    /// takes units from the top of the text area. `None` when the memory is full.
    #[inline(never)]
    fn alloc_units_rare(&mut self, index: usize) -> Option<u32> {
        if self.glue_count == 0 {
            self.glue_free_blocks();
            if self.free_list[index % NUM_INDEXES] != 0 {
                return Some(self.remove_node(index));
            }
        }
        let mut i = index;
        loop {
            i += 1;
            if i >= NUM_INDEXES {
                let num_bytes = Self::index2units(index) * UNIT_SIZE;
                let us = self.units_start;
                self.glue_count = self.glue_count.wrapping_sub(1);
                return if us.wrapping_sub(self.text) > num_bytes {
                    self.units_start = us - num_bytes;
                    Some(self.units_start)
                } else {
                    None
                };
            }
            if self.free_list[i] != 0 {
                break;
            }
        }
        let block = self.remove_node(i);
        self.split_block(block, i, index);
        Some(block)
    }

    fn alloc_units(&mut self, index: usize) -> Option<u32> {
        if self.free_list[index % NUM_INDEXES] != 0 {
            return Some(self.remove_node(index));
        }
        let num_bytes = Self::index2units(index) * UNIT_SIZE;
        let lo = self.lo_unit;
        if self.hi_unit.wrapping_sub(lo) >= num_bytes {
            self.lo_unit = lo + num_bytes;
            return Some(lo);
        }
        self.alloc_units_rare(index)
    }

    // The model.

    /// Starts the model afresh: the order-0 context with all 256 symbols once, and nothing else. It runs
    /// at the start and whenever the memory is full.
    #[inline(never)]
    fn restart_model(&mut self) {
        self.free_list = [0; NUM_INDEXES];
        self.text = self.align_offset;
        self.hi_unit = self.text + self.size;
        self.units_start = self.hi_unit - self.size / 8 / UNIT_SIZE * 7 * UNIT_SIZE;
        self.lo_unit = self.units_start;
        self.glue_count = 0;

        self.order_fall = self.max_order;
        self.init_rl = -(self.max_order.min(12) as i32) - 1;
        self.run_length = self.init_rl;
        self.prev_success = 0;

        self.hi_unit -= UNIT_SIZE;
        let mc = self.hi_unit;
        let stats = self.lo_unit;
        self.lo_unit += 256 / 2 * UNIT_SIZE;
        self.min_context = mc;
        self.max_context = mc;
        self.found_state = stats;

        self.set_context(mc, Context { num_stats: 256, summ_freq: 256 + 1, stats, suffix: 0 });
        for i in 0..256 {
            self.set_state(stats + i * STATE_SIZE, i, 1, 0);
        }

        for (i, row) in self.bin_summ.iter_mut().enumerate() {
            for (k, &esc) in INIT_BIN_ESC.iter().enumerate() {
                let value = BIN_SCALE - u32::from(esc) / (i as u32 + 2);
                for m in (0..64).step_by(8) {
                    row[k + m] = value as u16;
                }
            }
        }

        for (i, row) in self.see.iter_mut().enumerate() {
            let see = if i < DUMMY_SEE {
                See {
                    summ: ((5 * i as u32 + 10) << (PERIOD_BITS - 4)) as u16,
                    shift: (PERIOD_BITS - 4) as u8,
                    count: 4,
                }
            } else {
                See { summ: 0, shift: PERIOD_BITS as u8, count: 64 }
            };
            row.fill(see);
        }
    }

    /// Called when the successor of `found_state` is still a position in the text: creates the contexts
    /// it stands for, and links `found_state` and the states of the same symbol in the suffixes of
    /// `min_context` that have the same raw successor to them. Returns the context to continue in: when
    /// `order_fall` is 0, a context of the maximal order (new or existing), otherwise a new context one
    /// order above `min_context` (or an existing one of the same order). `None` when the memory is full.
    #[inline(never)]
    fn create_successors(&mut self) -> Option<u32> {
        let mut c = self.min_context;
        let found = self.state(self.found_state);
        let up_branch = found.successor;
        let mut ps = [0; MAX_ORDER as usize];
        let mut num_ps = 0;
        if self.order_fall != 0 {
            ps[0] = self.found_state;
            num_ps = 1;
        }

        loop {
            let suffix = self.context(c).suffix;
            if suffix == 0 {
                break;
            }
            c = suffix;
            let s = self.find_state(c, found.symbol);
            let successor = self.state(s).successor;
            if successor != up_branch {
                // A real context.
                c = successor;
                if num_ps == 0 {
                    // Of the maximal order: no new context is needed.
                    return Some(c);
                }
                break;
            }
            // More states than orders only come from a broken model.
            *ps.get_mut(num_ps)? = s;
            num_ps += 1;
        }

        // The new contexts have one state each, of the symbol that followed in the text, whose successor
        // is the position after it.
        let new_symbol = u32::from(self.mem.get(up_branch as usize).copied().unwrap_or(0));
        let up_branch = up_branch.wrapping_add(1);
        let ctx = self.context(c);
        let s = self.state(self.find_state(c, new_symbol));
        let new_freq = if ctx.num_stats == 1 {
            s.freq
        } else {
            // cf: the frequency of the symbol; s0: the frequencies of the other symbols of the context.
            // (Saturating: a valid model never goes below 0 here.)
            let cf = s.freq.saturating_sub(1);
            let s0 = ctx.summ_freq.saturating_sub(ctx.num_stats).saturating_sub(cf);
            1 + if 2 * cf <= s0 { u32::from(5 * cf > s0) } else { (2 * cf + s0 - 1).checked_div(2 * s0)? + 1 }
        };

        // From the lowest order up.
        while num_ps != 0 {
            let c1 = if self.hi_unit != self.lo_unit {
                self.hi_unit -= UNIT_SIZE;
                self.hi_unit
            } else if self.free_list[0] != 0 {
                self.remove_node(0)
            } else {
                self.alloc_units_rare(0)?
            };
            // One state, which lies over `summ_freq` (symbol and frequency) and `stats` (successor).
            let one_state =
                Context { num_stats: 1, summ_freq: new_symbol | new_freq << 8, stats: up_branch, suffix: c };
            self.set_context(c1, one_state);
            num_ps -= 1;
            self.set_successor(ps[num_ps], c1);
            c = c1;
        }
        Some(c)
    }

    /// Updates the model after `found_state` was decoded in `min_context`: adds the symbol to the contexts
    /// from `max_context` down to `min_context` (exclusive), where it was missing, and moves to the next
    /// context.
    #[inline(never)]
    fn update_model(&mut self) {
        let found = self.state(self.found_state);
        let suffix = self.context(self.min_context).suffix;

        if found.freq < MAX_FREQ / 4 && suffix != 0 {
            // The frequency of the symbol in the suffix context rises too.
            let c = self.context(suffix);
            let mut s = self.find_state(suffix, found.symbol);
            if c.num_stats == 1 {
                let freq = self.state(s).freq;
                if freq < 32 {
                    self.set_freq(s, freq + 1);
                }
            } else {
                if s != c.stats {
                    let prev = s.wrapping_sub(STATE_SIZE);
                    if self.state(s).freq >= self.state(prev).freq {
                        self.swap_states(s, prev);
                        s = prev;
                    }
                }
                let freq = self.state(s).freq;
                if freq < MAX_FREQ - 9 {
                    self.set_freq(s, freq + 2);
                    self.set_summ_freq(suffix, c.summ_freq + 2);
                }
            }
        }

        if self.order_fall == 0 {
            // The context of the maximal order: its successor is a position in the text.
            let Some(c) = self.create_successors() else {
                self.restart_model();
                return;
            };
            self.min_context = c;
            self.max_context = c;
            self.set_successor(self.found_state, c);
            return;
        }

        if let Some(byte) = self.mem.get_mut(self.text as usize) {
            *byte = found.symbol as u8;
        }
        self.text += 1;
        if self.text >= self.units_start {
            self.restart_model();
            return;
        }
        let mut max_successor = self.text;
        let mut min_successor = found.successor;

        if min_successor == 0 {
            // Only the order-0 context has null successors: it becomes a position in the text, and the
            // next context is the order-0 context again.
            self.set_successor(self.found_state, max_successor);
            min_successor = self.min_context;
        } else {
            // The next context is one order above `min_context`.
            if min_successor <= max_successor {
                // Still a position in the text: create the contexts.
                let Some(c) = self.create_successors() else {
                    self.restart_model();
                    return;
                };
                min_successor = c;
            }
            self.order_fall = self.order_fall.wrapping_sub(1);
            if self.order_fall == 0 {
                // At the maximal order, the new context serves as successor of both `min_context` and
                // `max_context`, and the text need not keep this symbol.
                max_successor = min_successor;
                self.text -= u32::from(self.max_context != self.min_context);
            }
        }

        let mc = self.min_context;
        let mut c = self.max_context;
        self.min_context = min_successor;
        self.max_context = min_successor;
        if c == mc {
            return;
        }

        // s0: the escape frequency of `min_context`, without the found symbol.
        // (Saturating: a valid model never goes below 0 here.)
        let min = self.context(mc);
        let ns = min.num_stats;
        let found_freq = self.state(self.found_state).freq;
        let s0 = min.summ_freq.saturating_sub(ns).saturating_sub(found_freq.saturating_sub(1));

        // Contexts down a suffix chain are never more than the orders.
        for _ in 0..=MAX_ORDER {
            if c == mc {
                break;
            }
            let ctx = self.context(c);
            let ns1 = ctx.num_stats;
            let mut stats = ctx.stats;
            let mut sum;
            if ns1 != 1 {
                if ns1 & 1 == 0 {
                    // The array is full: one unit more.
                    let old_nu = ns1 >> 1;
                    let i = Self::units2index(old_nu);
                    if i != Self::units2index(old_nu + 1) {
                        let Some(block) = self.alloc_units(i + 1) else {
                            self.restart_model();
                            return;
                        };
                        self.copy_units(stats, block, old_nu);
                        self.insert_node(stats, i);
                        self.set_stats(c, block);
                        stats = block;
                    }
                }
                // The escape frequency rises by at most 3.
                sum = ctx.summ_freq;
                sum += u32::from(2 * ns1 < ns) + 2 * (u32::from(4 * ns1 <= ns) & u32::from(sum <= 8 * ns1));
            } else {
                // A context with one state gets an array of two.
                let Some(block) = self.alloc_units(0) else {
                    self.restart_model();
                    return;
                };
                let one = self.state(c + 2);
                let freq = if one.freq < MAX_FREQ / 4 - 1 { one.freq << 1 } else { MAX_FREQ - 4 };
                self.set_state(block, one.symbol, freq, one.successor);
                self.set_stats(c, block);
                stats = block;
                sum = freq + self.init_esc + u32::from(ns > 3);
            }

            let mut cf = 2 * (sum + 6) * found_freq;
            let sf = s0 + sum;
            if cf < 6 * sf {
                cf = 1 + u32::from(cf > sf) + u32::from(cf >= 4 * sf);
                sum += 3;
            } else {
                cf = 4 + u32::from(cf >= 9 * sf) + u32::from(cf >= 12 * sf) + u32::from(cf >= 15 * sf);
                sum += cf;
            }
            self.set_state(stats.wrapping_add(ns1 * STATE_SIZE), found.symbol, cf, max_successor);
            self.set_counts(c, ns1 + 1, sum);
            c = ctx.suffix;
        }
    }

    /// Halves the frequencies of `min_context` (whose `found_state` has just grown past `MAX_FREQ`), keeps
    /// its states sorted by frequency, and drops the states whose frequency falls to 0.
    #[inline(never)]
    fn rescale(&mut self) {
        let mc = self.min_context;
        let ctx = self.context(mc);
        let (stats, n) = (ctx.stats, ctx.num_stats);

        // The found state moves to the front.
        let mut s = self.found_state;
        if s != stats {
            let found: [u8; 6] = self.record(s);
            for _ in 0..n {
                if s <= stats {
                    break;
                }
                let prev = s.wrapping_sub(STATE_SIZE);
                self.copy_state(prev, s);
                s = prev;
            }
            self.set_record(s, found);
        }

        let mut sum_freq = self.state(s).freq;
        let mut esc_freq = ctx.summ_freq.wrapping_sub(sum_freq);

        // Outside the maximal order (adder 1), no symbol may be dropped.
        let adder = u32::from(self.order_fall != 0);
        sum_freq = (sum_freq + 4 + adder) >> 1;
        self.set_freq(s, sum_freq);

        for _ in 1..n {
            s = s.wrapping_add(STATE_SIZE);
            let mut freq = self.state(s).freq;
            esc_freq = esc_freq.wrapping_sub(freq);
            freq = (freq + adder) >> 1;
            sum_freq += freq;
            self.set_freq(s, freq);
            if freq > self.state(s.wrapping_sub(STATE_SIZE)).freq {
                // Insertion sort: it moves down to its place.
                let state: [u8; 6] = self.record(s);
                let mut s1 = s;
                loop {
                    let prev = s1.wrapping_sub(STATE_SIZE);
                    self.copy_state(prev, s1);
                    s1 = prev;
                    if s1 <= stats || freq <= self.state(s1.wrapping_sub(STATE_SIZE)).freq {
                        break;
                    }
                }
                self.set_record(s1, state);
            }
        }

        if self.state(s).freq == 0 {
            // Drop the states with frequency 0 (the last ones), and raise the escape frequency by their
            // number, half of which stays after the halving below.
            let mut dropped = 0;
            while dropped < n && self.state(s).freq == 0 {
                dropped += 1;
                s = s.wrapping_sub(STATE_SIZE);
            }
            esc_freq = esc_freq.wrapping_add(dropped);
            let num_stats = n.wrapping_sub(dropped);
            let n0 = (n + 1) >> 1;

            if num_stats == 1 {
                // One state left: it moves into the context.
                let first = self.state(stats);
                let mut freq = first.freq;
                loop {
                    esc_freq >>= 1;
                    freq = (freq + 1) >> 1;
                    if esc_freq <= 1 {
                        break;
                    }
                }
                let one = mc + 2;
                self.set_counts(mc, 1, 0);
                self.set_state(one, first.symbol, freq, first.successor);
                self.found_state = one;
                self.insert_node(stats, Self::units2index(n0));
                return;
            }

            // The array shrinks if it needs a smaller block.
            let mut new_stats = stats;
            let n1 = (num_stats + 1) >> 1;
            if n0 != n1 {
                let i0 = Self::units2index(n0);
                let i1 = Self::units2index(n1);
                if i0 != i1 {
                    if self.free_list[i1 % NUM_INDEXES] != 0 {
                        new_stats = self.remove_node(i1);
                        self.copy_units(stats, new_stats, n1);
                        self.insert_node(stats, i0);
                    } else {
                        self.split_block(stats, i0, i1);
                    }
                }
            }
            self.set_context(mc, Context { num_stats, summ_freq: 0, stats: new_stats, suffix: ctx.suffix });
        }

        // The escape frequency is halved here.
        self.set_summ_freq(mc, sum_freq.wrapping_add(esc_freq).wrapping_sub(esc_freq >> 1));
        self.found_state = self.context(mc).stats;
    }

    /// The escape frequency of `min_context`, where the `num_masked` symbols of the context decoded from
    /// before are masked, from the secondary escape estimation; and the row and column of that estimate.
    fn make_esc_freq(&mut self, num_masked: u32) -> (usize, usize, u32) {
        let mc = self.context(self.min_context);
        let num_stats = mc.num_stats;
        if num_stats == 256 {
            return (DUMMY_SEE, 0, 1);
        }
        let non_masked = num_stats.wrapping_sub(num_masked);
        let row = usize::from(NS2INDEX[(non_masked.wrapping_sub(1) & 255) as usize]);
        let suffix_num_stats = self.context(mc.suffix).num_stats;
        let column = usize::from(non_masked < suffix_num_stats.wrapping_sub(num_stats))
            + 2 * usize::from(mc.summ_freq < 11 * num_stats)
            + 4 * usize::from(num_masked > non_masked)
            + self.hi_bits_flag as usize;
        let see = &mut self.see[row & 31][column & 15];
        // Only the low 16 bits of the sum count.
        let summ = u32::from(see.summ);
        let r = summ >> see.shift;
        see.summ = (summ - r) as u16;
        (row, column, r + u32::from(r == 0))
    }

    /// Bit 3: whether `symbol` is 0x40 or above.
    fn hi_bits_flag3(symbol: u32) -> u32 {
        ((symbol + 0xC0) >> (8 - 3)) & (1 << 3)
    }

    /// Bit 4: whether `symbol` is 0x40 or above.
    fn hi_bits_flag4(symbol: u32) -> u32 {
        ((symbol + 0xC0) >> (8 - 4)) & (1 << 4)
    }

    /// Moves to the successor of `found_state` if it is a real context at the maximal order, otherwise
    /// updates the model.
    fn next_context(&mut self) {
        let successor = self.state(self.found_state).successor;
        if self.order_fall == 0 && successor >= self.units_start {
            self.min_context = successor;
            self.max_context = successor;
        } else {
            self.update_model();
        }
    }

    /// After a symbol other than the first of `min_context`'s states.
    fn update1(&mut self) {
        let s = self.found_state;
        let freq = self.state(s).freq + 4;
        let mc = self.min_context;
        self.set_summ_freq(mc, self.context(mc).summ_freq + 4);
        self.set_freq(s, freq);
        let prev = s.wrapping_sub(STATE_SIZE);
        if freq > self.state(prev).freq {
            self.swap_states(s, prev);
            self.found_state = prev;
            if freq > MAX_FREQ {
                self.rescale();
            }
        }
        self.next_context();
    }

    /// After the first (most frequent) symbol of `min_context`.
    fn update1_0(&mut self) {
        let s = self.found_state;
        let mc = self.min_context;
        let freq = self.state(s).freq;
        let summ_freq = self.context(mc).summ_freq;
        self.prev_success = u32::from(2 * freq > summ_freq);
        self.run_length = self.run_length.wrapping_add(self.prev_success as i32);
        self.set_summ_freq(mc, summ_freq + 4);
        self.set_freq(s, freq + 4);
        if freq + 4 > MAX_FREQ {
            self.rescale();
        }
        self.next_context();
    }

    /// After a symbol found past an escape.
    fn update2(&mut self) {
        let s = self.found_state;
        let mc = self.min_context;
        let freq = self.state(s).freq + 4;
        self.run_length = self.init_rl;
        self.set_summ_freq(mc, self.context(mc).summ_freq + 4);
        self.set_freq(s, freq);
        if freq > MAX_FREQ {
            self.rescale();
        }
        self.update_model();
    }

    /// Decodes one symbol and updates the model. `None` for an end marker or a symbol that a valid stream
    /// cannot code.
    fn decode_symbol(&mut self) -> Option<u8> {
        // Which symbols are not masked yet (0xFF) after an escape; only set up on an escape.
        let mut char_mask: [u8; 256];
        let mc = self.context(self.min_context);
        if mc.num_stats != 1 {
            let hi_cnt = self.threshold(mc.summ_freq)?;
            let mut count = hi_cnt;
            let mut found = None;
            for (i, state) in self.states(mc.stats, mc.num_stats).iter().enumerate() {
                let freq = u32::from(state[1]);
                count = count.wrapping_sub(freq);
                if (count as i32) < 0 {
                    found = Some((i as u32, freq, state[0]));
                    break;
                }
            }
            if let Some((i, freq, symbol)) = found {
                self.decode_range(hi_cnt.wrapping_sub(count).wrapping_sub(freq), freq);
                self.normalize();
                self.found_state = mc.stats.wrapping_add(i * STATE_SIZE);
                if i == 0 {
                    self.update1_0();
                } else {
                    self.prev_success = 0;
                    self.update1();
                }
                return Some(symbol);
            }
            if hi_cnt >= mc.summ_freq {
                return None;
            }
            // Escape.
            self.prev_success = 0;
            let hi_cnt = hi_cnt.wrapping_sub(count);
            self.decode_range(hi_cnt, mc.summ_freq.wrapping_sub(hi_cnt));
            self.hi_bits_flag = Self::hi_bits_flag3(self.state(self.found_state).symbol);
            char_mask = [u8::MAX; 256];
            for state in self.states(mc.stats, mc.num_stats) {
                char_mask[usize::from(state[0])] = 0;
            }
        } else {
            // The context has one state: a binary choice between it and an escape, with an adaptive
            // probability chosen by the context around it.
            let s = self.min_context + 2;
            let state = self.state(s);
            let hi_bits_flag3 = Self::hi_bits_flag3(self.state(self.found_state).symbol);
            self.hi_bits_flag = hi_bits_flag3;
            let ns2bs = match self.context(mc.suffix).num_stats {
                0 | 1 => 0,
                2 => 2,
                3..=11 => 4,
                _ => 6,
            };
            let column = self.prev_success
                + ((self.run_length as u32 >> 26) & 0x20)
                + ns2bs
                + Self::hi_bits_flag4(state.symbol)
                + hi_bits_flag3;
            let prob = &mut self.bin_summ[(state.freq.wrapping_sub(1) & 127) as usize][(column & 63) as usize];
            let mut pr = u32::from(*prob);
            let size0 = (self.range >> 14).wrapping_mul(pr);
            pr -= (pr + (1 << (PERIOD_BITS - 2))) >> PERIOD_BITS;
            if self.code < size0 {
                *prob = (pr + (1 << INT_BITS)) as u16;
                self.range = size0;
                if self.range < TOP {
                    self.code = self.code << 8 | self.next_byte();
                    self.range <<= 8;
                }
                // Found.
                self.found_state = s;
                self.prev_success = 1;
                self.run_length = self.run_length.wrapping_add(1);
                self.set_freq(s, state.freq + u32::from(state.freq < 128));
                self.next_context();
                return Some(state.symbol as u8);
            }
            // Escape.
            *prob = pr as u16;
            self.init_esc = u32::from(EXP_ESCAPE[(pr >> 10) as usize & 15]);
            self.code -= size0;
            self.range -= size0;
            char_mask = [u8::MAX; 256];
            char_mask[state.symbol as usize] = 0;
            self.prev_success = 0;
        }

        // Down the suffixes until a context has symbols that are not masked yet. A suffix chain is never
        // longer than the orders.
        let mut depth = 0;
        loop {
            self.normalize();
            let num_masked = self.context(self.min_context).num_stats;
            let mut mc;
            loop {
                self.order_fall = self.order_fall.wrapping_add(1);
                let suffix = self.context(self.min_context).suffix;
                depth += 1;
                if suffix == 0 || depth > MAX_ORDER + 1 {
                    // An end marker (an escape from order 0), or a broken model.
                    return None;
                }
                self.min_context = suffix;
                mc = self.context(suffix);
                if mc.num_stats != num_masked {
                    break;
                }
            }

            let mut hi_cnt = 0;
            for state in self.states(mc.stats, mc.num_stats) {
                hi_cnt += u32::from(state[1] & char_mask[usize::from(state[0])]);
            }
            let (row, column, esc_freq) = self.make_esc_freq(num_masked);
            let freq_sum = esc_freq + hi_cnt;
            let mut count = self.threshold(freq_sum)?;

            if count < hi_cnt {
                let start = count;
                let mut found = (0, 0, 0);
                for (i, state) in self.states(mc.stats, mc.num_stats).iter().enumerate() {
                    let freq = u32::from(state[1] & char_mask[usize::from(state[0])]);
                    count = count.wrapping_sub(freq);
                    if (count as i32) < 0 {
                        found = (i as u32, freq, state[0]);
                        break;
                    }
                }
                let (i, freq, symbol) = found;
                self.decode_range(start.wrapping_sub(count).wrapping_sub(freq), freq);
                self.normalize();
                let see = &mut self.see[row & 31][column & 15];
                if see.shift < PERIOD_BITS as u8 {
                    see.count = see.count.wrapping_sub(1);
                    if see.count == 0 {
                        see.summ = see.summ.wrapping_shl(1);
                        see.count = (3u32 << see.shift) as u8;
                        see.shift += 1;
                    }
                }
                self.found_state = mc.stats.wrapping_add(i * STATE_SIZE);
                self.update2();
                return Some(symbol);
            }
            if count >= freq_sum {
                return None;
            }
            // Escape again.
            self.decode_range(hi_cnt, freq_sum - hi_cnt);
            // The estimate grows by the frequencies of the symbols that were not masked; only its low 16
            // bits count.
            let see = &mut self.see[row & 31][column & 15];
            see.summ = see.summ.wrapping_add(freq_sum as u16);
            for state in self.states(mc.stats, mc.num_stats) {
                char_mask[usize::from(state[0])] = 0;
            }
        }
    }
}

/// A context record as read from the memory (12 bytes: `num_stats: u16`, `summ_freq: u16`, `stats: u32`,
/// `suffix: u32`).
#[derive(Clone, Copy)]
struct Context {
    num_stats: u32,
    summ_freq: u32,
    stats: u32,
    suffix: u32,
}

/// A state record as read from the memory (6 bytes: `symbol: u8`, `freq: u8`, `successor: u32`).
#[derive(Clone, Copy)]
struct State {
    symbol: u32,
    freq: u32,
    successor: u32,
}
