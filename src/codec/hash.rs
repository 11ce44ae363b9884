//! The 64-bit FNV-1a hash: it names the site's files after their content
//! (`site::fingerprint`) and seals packed data (`codec::packed`). Written here (a dozen lines,
//! no new crate): it only has to tell one content from another, not resist an attacker, who
//! could change the page's script as easily as its data.

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    /// The published test vectors of FNV-1a 64 (Fowler, Noll and Vo).
    #[test]
    fn known_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
