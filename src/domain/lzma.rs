//! A small LZMA decoder, for the catalogue texts that build.rs compresses.
//!
//! The texts (about 290 KB of English) are three quarters of the app's data. Served gzip-compressed they
//! were 89 KB; LZMA gets them to 75 KB, and with this decoder the app came out 11 KB smaller. Decoding runs
//! once, when the catalogue is first used; cold start stayed at 1.6x the minimal page (scripts/bench).
//!
//! It reads a raw LZMA stream (no `.lzma` header: the properties and the decoded length are passed in), as
//! described in the LZMA specification that comes with the LZMA SDK (`lzma-specification.txt`), and
//! stops at the given length or at an end marker. Any input gives a result or an error, never a panic.

/// What is wrong with an LZMA stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LzmaError(pub &'static str);

/// The literal coder's settings, from the stream's properties byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Props {
    /// Number of high bits of the previous byte used as literal context (0..=8).
    pub lc: u32,
    /// Number of low bits of the position used as literal context (0..=4).
    pub lp: u32,
    /// Number of low bits of the position used as match context (0..=4).
    pub pb: u32,
}

impl Props {
    /// Reads the properties byte `(pb * 5 + lp) * 9 + lc`.
    pub fn from_byte(b: u8) -> Result<Props, LzmaError> {
        let b = u32::from(b);
        if b >= 9 * 5 * 5 {
            return Err(LzmaError("invalid properties byte"));
        }
        Ok(Props { lc: b % 9, lp: (b / 9) % 5, pb: b / 45 })
    }
}

const PROB_INIT: u16 = 1 << 10;

struct RangeDecoder<'a> {
    data: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl RangeDecoder<'_> {
    fn new(data: &[u8]) -> Result<RangeDecoder<'_>, LzmaError> {
        if data.len() < 5 || data[0] != 0 {
            return Err(LzmaError("the stream does not start like an LZMA stream"));
        }
        let code = u32::from_be_bytes([data[1], data[2], data[3], data[4]]);
        Ok(RangeDecoder { data, pos: 5, range: u32::MAX, code })
    }

    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            // Past the end, zeros: a truncated stream decodes to garbage and fails a later check.
            let byte = self.data.get(self.pos).copied().unwrap_or(0);
            self.pos += 1;
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(byte);
        }
    }

    fn bit(&mut self, prob: &mut u16) -> u32 {
        let bound = (self.range >> 11) * u32::from(*prob);
        let bit = if self.code < bound {
            self.range = bound;
            *prob += ((1 << 11) - *prob) >> 5;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *prob -= *prob >> 5;
            1
        };
        self.normalize();
        bit
    }

    fn direct_bits(&mut self, count: u32) -> u32 {
        let mut result = 0;
        for _ in 0..count {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            result = (result << 1) | bit;
            self.normalize();
        }
        result
    }

    /// A `bits`-bit symbol from a bit tree (`probs` has `1 << bits` entries; entry 0 is unused).
    fn tree(&mut self, probs: &mut [u16], bits: u32) -> u32 {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(&mut probs[m as usize]);
        }
        m - (1 << bits)
    }

    /// The same, least significant bit first.
    fn reverse_tree(&mut self, probs: &mut [u16], bits: u32) -> u32 {
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let bit = self.bit(&mut probs[m as usize]);
            m = (m << 1) | bit;
            symbol |= bit << i;
        }
        symbol
    }
}

/// Decodes a match length (0-based: 0 means the shortest match, 2 bytes).
struct LengthDecoder {
    choice: u16,
    choice2: u16,
    low: [[u16; 8]; 16],
    mid: [[u16; 8]; 16],
    high: [u16; 256],
}

impl LengthDecoder {
    fn new() -> LengthDecoder {
        LengthDecoder {
            choice: PROB_INIT,
            choice2: PROB_INIT,
            low: [[PROB_INIT; 8]; 16],
            mid: [[PROB_INIT; 8]; 16],
            high: [PROB_INIT; 256],
        }
    }

    fn decode(&mut self, rc: &mut RangeDecoder<'_>, pos_state: usize) -> u32 {
        if rc.bit(&mut self.choice) == 0 {
            rc.tree(&mut self.low[pos_state], 3)
        } else if rc.bit(&mut self.choice2) == 0 {
            8 + rc.tree(&mut self.mid[pos_state], 3)
        } else {
            16 + rc.tree(&mut self.high, 8)
        }
    }
}

/// Decodes `len` bytes from a raw LZMA stream with the given properties.
pub fn decode(data: &[u8], props: Props, len: usize) -> Result<Vec<u8>, LzmaError> {
    if props.lc > 8 || props.lp > 4 || props.pb > 4 {
        return Err(LzmaError("invalid properties"));
    }
    let mut rc = RangeDecoder::new(data)?;
    let mut out: Vec<u8> = Vec::with_capacity(len);
    let mut literals = vec![PROB_INIT; 0x300 << (props.lc + props.lp)];
    let mut is_match = [PROB_INIT; 12 << 4];
    let mut is_rep = [PROB_INIT; 12];
    let mut is_rep_g0 = [PROB_INIT; 12];
    let mut is_rep_g1 = [PROB_INIT; 12];
    let mut is_rep_g2 = [PROB_INIT; 12];
    let mut is_rep0_long = [PROB_INIT; 12 << 4];
    let mut pos_slots = [[PROB_INIT; 64]; 4];
    let mut pos_special = [PROB_INIT; 1 + 114];
    let mut align = [PROB_INIT; 16];
    let mut lengths = LengthDecoder::new();
    let mut rep_lengths = LengthDecoder::new();
    let (mut rep0, mut rep1, mut rep2, mut rep3) = (0u32, 0u32, 0u32, 0u32);
    let mut state = 0usize;
    let pos_mask = (1usize << props.pb) - 1;
    let lp_mask = (1usize << props.lp) - 1;

    while out.len() < len {
        let pos_state = out.len() & pos_mask;
        if rc.bit(&mut is_match[(state << 4) + pos_state]) == 0 {
            let prev = out.last().copied().unwrap_or(0);
            let context = ((out.len() & lp_mask) << props.lc) + (usize::from(prev) >> (8 - props.lc));
            let probs = &mut literals[0x300 * context..0x300 * (context + 1)];
            let mut symbol = 1u32;
            if state >= 7 {
                // After a match, the byte at the match distance guides the first bits.
                let mut match_byte = u32::from(out[out.len() - rep0 as usize - 1]);
                while symbol < 0x100 {
                    let match_bit = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    let bit = rc.bit(&mut probs[(((1 + match_bit) << 8) + symbol) as usize]);
                    symbol = (symbol << 1) | bit;
                    if match_bit != bit {
                        break;
                    }
                }
            }
            while symbol < 0x100 {
                symbol = (symbol << 1) | rc.bit(&mut probs[symbol as usize]);
            }
            out.push((symbol - 0x100) as u8);
            state = match state {
                0..=3 => 0,
                4..=9 => state - 3,
                _ => state - 6,
            };
            continue;
        }
        let length;
        if rc.bit(&mut is_rep[state]) == 1 {
            if out.is_empty() {
                return Err(LzmaError("a repeated match before any data"));
            }
            if rc.bit(&mut is_rep_g0[state]) == 0 {
                if rc.bit(&mut is_rep0_long[(state << 4) + pos_state]) == 0 {
                    // One byte from the last distance.
                    if rep0 as usize >= out.len() {
                        return Err(LzmaError("a match reaches before the start of the data"));
                    }
                    state = if state < 7 { 9 } else { 11 };
                    out.push(out[out.len() - rep0 as usize - 1]);
                    continue;
                }
            } else {
                let distance;
                if rc.bit(&mut is_rep_g1[state]) == 0 {
                    distance = rep1;
                } else {
                    if rc.bit(&mut is_rep_g2[state]) == 0 {
                        distance = rep2;
                    } else {
                        distance = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = distance;
            }
            length = rep_lengths.decode(&mut rc, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            length = lengths.decode(&mut rc, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let slot = rc.tree(&mut pos_slots[length.min(3) as usize], 6);
            rep0 = if slot < 4 {
                slot
            } else {
                let direct = (slot >> 1) - 1;
                let base = (2 | (slot & 1)) << direct;
                if slot < 14 {
                    base + rc.reverse_tree(&mut pos_special[(base - slot) as usize..], direct)
                } else {
                    base + (rc.direct_bits(direct - 4) << 4) + rc.reverse_tree(&mut align, 4)
                }
            };
            if rep0 == u32::MAX {
                break; // end marker
            }
        }
        if rep0 as usize >= out.len() {
            return Err(LzmaError("a match reaches before the start of the data"));
        }
        for _ in 0..length + 2 {
            if out.len() == len {
                break;
            }
            out.push(out[out.len() - rep0 as usize - 1]);
        }
    }
    if out.len() < len {
        return Err(LzmaError("the stream ended early"));
    }
    Ok(out)
}
