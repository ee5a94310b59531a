//! The map as a draw.io file, for users who go on drawing in diagrams.net / draw.io: an `<mxfile>` with one
//! `<diagram>` whose `<mxGraphModel>` holds the bands and zones as boxes (vertex cells at the positions
//! [`zone_map`](crate::domain::map::zone_map) laid out) and the conduits as edges from zone to zone,
//! labelled with their name and type. The XML is written by `quick-xml`'s writer, which escapes every
//! name.
//!
//! ```
//! use iec62443_assess::drawio::map_drawio;
//! use iec62443_assess::map::zone_map;
//! use iec62443_assess::*;
//! let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
//! a.zones.push(Zone::new("z1", "DMZ"));
//! a.zones.push(Zone::new("z2", "Cell"));
//! a.conduits.push(Conduit::new("c1", "Historian link", "z1", "z2"));
//! let xml = map_drawio(&zone_map(&a, &score(&a))).unwrap();
//! assert!(xml.starts_with("<mxfile"));
//! assert!(xml.contains(r#"source="zone-z1" target="zone-z2""#));
//! ```

use crate::domain::map::{conduit_style, n, zone_colours, ZoneMap, ZoneMark};
use crate::domain::ConduitType;
use quick_xml::events::attributes::Attribute;
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;
use std::io;

/// The cell id of a zone's box (also the `source`/`target` of its conduits).
pub fn zone_cell_id(zone_id: &str) -> String {
    format!("zone-{zone_id}")
}

/// The cell id of a conduit's edge.
pub fn conduit_cell_id(conduit_id: &str) -> String {
    format!("conduit-{conduit_id}")
}

/// A cell's label. quick-xml escapes markup characters but leaves a line break as is, which an XML reader
/// turns into a space in an attribute; `&#10;` keeps the label's lines.
fn label(text: &str) -> Attribute<'static> {
    let escaped = quick_xml::escape::escape(text).replace('\n', "&#10;");
    Attribute { key: QName(b"value"), value: Cow::Owned(escaped.into_bytes()) }
}

/// A vertex cell with its geometry.
fn vertex(
    w: &mut Writer<Vec<u8>>,
    id: &str,
    text: &str,
    style: &str,
    (x, y, width, height): (f64, f64, f64, f64),
) -> io::Result<()> {
    w.create_element("mxCell")
        .with_attribute(("id", id))
        .with_attribute(label(text))
        .with_attribute(("style", style))
        .with_attribute(("vertex", "1"))
        .with_attribute(("parent", "1"))
        .write_inner_content(|w| {
            w.create_element("mxGeometry")
                .with_attribute(("x", n(x).as_str()))
                .with_attribute(("y", n(y).as_str()))
                .with_attribute(("width", n(width).as_str()))
                .with_attribute(("height", n(height).as_str()))
                .with_attribute(("as", "geometry"))
                .write_empty()?;
            Ok(())
        })?;
    Ok(())
}

/// The map as the text of a `.drawio` file. Writing goes to memory, so an error is not expected; it is
/// passed on rather than hidden.
pub fn map_drawio(map: &ZoneMap) -> io::Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    let (width, height) = map.drawn_size();
    let (page_width, page_height) = (n(width), n(height));
    w.create_element("mxfile").with_attribute(("host", "iec62443-assess")).write_inner_content(|w| {
        w.create_element("diagram")
            .with_attribute(("id", "zones-and-conduits"))
            .with_attribute(("name", map.title().as_str()))
            .write_inner_content(|w| {
                w.create_element("mxGraphModel")
                    .with_attribute(("grid", "1"))
                    .with_attribute(("gridSize", "10"))
                    .with_attribute(("page", "1"))
                    .with_attribute(("pageWidth", page_width.as_str()))
                    .with_attribute(("pageHeight", page_height.as_str()))
                    .write_inner_content(|w| {
                        w.create_element("root").write_inner_content(|w| cells(w, map))?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })?;
    String::from_utf8(w.into_inner()).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The cells: draw.io's two root cells, the bands (locked background), the zones, then the conduits.
fn cells(w: &mut Writer<Vec<u8>>, map: &ZoneMap) -> io::Result<()> {
    w.create_element("mxCell").with_attribute(("id", "0")).write_empty()?;
    w.create_element("mxCell").with_attribute(("id", "1")).with_attribute(("parent", "0")).write_empty()?;
    for (i, strip) in map.bands.iter().enumerate() {
        let fill = if i % 2 == 0 { "#f6f8fa" } else { "#eef1f5" };
        let style = format!(
            "rounded=0;whiteSpace=wrap;html=0;fillColor={fill};strokeColor=none;align=left;verticalAlign=top;\
             spacingLeft=10;spacingTop=4;fontStyle=1;fontColor=#2b3440;locked=1;"
        );
        vertex(w, &format!("band-{i}"), strip.band.label(), &style, (0.0, strip.y, width_of(map), strip.height))?;
    }
    for z in &map.zones {
        // A pattern fill does not carry over: a gap is a light red fill and a thick outline, and the
        // label says the mark in words in every case.
        let (fill, outline) = zone_colours(z.mark, "");
        let fill = if fill.starts_with("url(") { "#fbe9e7".to_string() } else { fill };
        let dashed = if z.mark == ZoneMark::NotAssessed { "dashed=1;" } else { "" };
        let style = format!(
            "rounded=1;whiteSpace=wrap;html=0;fillColor={fill};strokeColor={outline};strokeWidth=2;{dashed}\
             verticalAlign=top;align=left;spacingLeft=8;fontColor=#1b1f24;"
        );
        let text = format!("{}\n{}\n{}", z.name, z.mark.text(), z.assets_text());
        vertex(w, &zone_cell_id(&z.id), &text, &style, (z.x, z.y, z.width, z.height))?;
    }
    for c in &map.conduits {
        let (colour, dash, stroke) = conduit_style(c.kind);
        let dash = if dash.is_empty() { String::new() } else { format!("dashed=1;dashPattern={dash};") };
        let arrow = if c.kind == Some(ConduitType::DataDiode) { "endArrow=block;" } else { "endArrow=none;" };
        let curved = if c.bend.is_some() { "curved=1;" } else { "" };
        let style = format!(
            "html=0;rounded=0;{curved}{arrow}strokeColor={colour};strokeWidth={stroke};{dash}\
             labelBackgroundColor=#ffffff;fontColor=#1b1f24;fontSize=11;"
        );
        let source = zone_cell_id(&c.from);
        let target = zone_cell_id(&c.to);
        w.create_element("mxCell")
            .with_attribute(("id", conduit_cell_id(&c.id).as_str()))
            .with_attribute(label(&c.label()))
            .with_attribute(("style", style.as_str()))
            .with_attribute(("edge", "1"))
            .with_attribute(("parent", "1"))
            .with_attribute(("source", source.as_str()))
            .with_attribute(("target", target.as_str()))
            .write_inner_content(|w| {
                w.create_element("mxGeometry")
                    .with_attribute(("relative", "1"))
                    .with_attribute(("as", "geometry"))
                    .write_inner_content(|w| {
                        // An arc over a row passes through the middle of the drawn curve.
                        if c.bend.is_some() {
                            w.create_element("Array").with_attribute(("as", "points")).write_inner_content(|w| {
                                w.create_element("mxPoint")
                                    .with_attribute(("x", n(c.point_at(0.5).0).as_str()))
                                    .with_attribute(("y", n(c.point_at(0.5).1).as_str()))
                                    .write_empty()?;
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
    }
    Ok(())
}

fn width_of(map: &ZoneMap) -> f64 {
    map.drawn_size().0
}
