//! This machine's IPv4 addresses on the networks it is connected to, for the desks' URLs.

use std::net::Ipv4Addr;

/// The addresses a phone on the same network can reach: IPv4, not loopback, not link-local
/// (169.254.x.x, what a computer gives itself when no network answers). Private LAN addresses
/// (192.168.x.x, 10.x.x.x, 172.16–31.x.x, what Wi-Fi routers and phone hotspots hand out)
/// come first.
pub fn lan_ipv4() -> Vec<Ipv4Addr> {
    let found = match if_addrs::get_if_addrs() {
        Ok(found) => found,
        Err(e) => {
            log::warn!("无法列出本机的网络地址：{e}");
            return Vec::new();
        }
    };
    let mut ips: Vec<Ipv4Addr> = found
        .into_iter()
        .filter_map(|i| match i.ip() {
            std::net::IpAddr::V4(ip) => Some(ip),
            std::net::IpAddr::V6(_) => None,
        })
        .filter(|ip| !ip.is_loopback() && !ip.is_link_local() && !ip.is_unspecified())
        .collect();
    ips.sort_by_key(|ip| (rank(*ip), *ip));
    ips.dedup();
    ips
}

/// Likelier first: 192.168/16 (home routers, hotspots), 10/8, 172.16/12, then the rest.
fn rank(ip: Ipv4Addr) -> u8 {
    match ip.octets() {
        [192, 168, ..] => 0,
        [10, ..] => 1,
        [172, b, ..] if (16..32).contains(&b) => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lan_addresses_come_before_others() {
        let mut ips = [
            Ipv4Addr::new(8, 8, 8, 8),
            Ipv4Addr::new(172, 17, 0, 2),
            Ipv4Addr::new(10, 0, 0, 5),
            Ipv4Addr::new(192, 168, 43, 12),
        ];
        ips.sort_by_key(|ip| (rank(*ip), *ip));
        assert_eq!(ips[0], Ipv4Addr::new(192, 168, 43, 12));
        assert_eq!(ips[3], Ipv4Addr::new(8, 8, 8, 8));
        assert!(lan_ipv4().iter().all(|ip| !ip.is_loopback()));
    }
}
