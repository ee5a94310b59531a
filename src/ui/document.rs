//! Renders the domain's document model (`domain::document`) for screen and print: the report, the
//! Results step's body, the roadmap's projection table and the live summary's table. The model holds the
//! words, classes and chart data; these components only map each block to its elements (see the table in
//! the `domain::document` documentation). Everything the user typed reaches the page as text.

use crate::domain::document::{
    radar_axes, radar_ring, radar_ring_labels, svg_number, svg_points, Block, Cell, Cover, Details, Document, Group,
    GroupKind, Heading, Inline, List, ListItem, MaturityBars, Paragraph, Radar, Row, Section, Table,
};
use leptos::prelude::*;

/// The printable report: `<article class="report-document">` with the cover and every section.
#[component]
pub fn DocumentView(
    /// The report, built by `domain::report_document`.
    document: Document,
) -> impl IntoView {
    let Document { cover, sections } = document;
    view! {
        <article class="report-document" aria-label="Report">
            {cover_view(cover)}
            {sections.into_iter().map(section_view).collect_view()}
        </article>
    }
}

/// A list of blocks, e.g. the Results step's body.
#[component]
pub fn BlocksView(
    /// The blocks, in order.
    blocks: Vec<Block>,
) -> impl IntoView {
    blocks_view(blocks)
}

/// One table, e.g. the live summary or the projection table.
#[component]
pub fn TableView(
    /// The table.
    table: Table,
) -> impl IntoView {
    table_view(table)
}

fn cover_view(cover: Cover) -> impl IntoView {
    // The running head is not part of the page: the Report step hands it to the print rules' page margins.
    let Cover { kicker, running_head: _, title, facts, editions, brand, logo, contact, hint } = cover;
    view! {
        <header class="report-cover">
            {logo.map(|logo| view! { <img class="report-logo" src=logo.src alt=logo.alt /> })}
            <p class="report-kicker">{kicker}</p>
            <h2 class="report-title">{title}</h2>
            <dl class="report-meta">
                {facts
                    .into_iter()
                    .map(|fact| view! { <dt>{fact.term}</dt><dd>{fact.value}</dd> })
                    .collect_view()}
            </dl>
            <p class="report-editions">{editions}</p>
            {brand.map(|brand| view! { <p class="report-brand">{brand}</p> })}
            {contact
                .map(|link| {
                    view! {
                        <p class="report-contact">
                            <a href=link.href rel="noopener">{link.text}</a>
                        </p>
                    }
                })}
            <p class="hint">{hint}</p>
        </header>
    }
}

fn section_view(section: Section) -> impl IntoView {
    let Section { id, heading, blocks } = section;
    view! {
        <section class="report-section" aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {blocks_view(blocks)}
        </section>
    }
}

fn blocks_view(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block_view).collect_view()
}

/// One block. Boxed (`AnyView`): blocks nest, so their view types would otherwise be infinite.
fn block_view(block: Block) -> AnyView {
    match block {
        Block::Heading(heading) => heading_view(heading),
        Block::Paragraph(Paragraph { class, content }) => {
            view! { <p class=class>{inlines_view(content)}</p> }.into_any()
        }
        Block::List(list) => list_view(list),
        Block::Table(table) => table_view(table).into_any(),
        Block::Group(group) => group_view(group),
        Block::Details(Details { summary, blocks }) => view! {
            <details>
                <summary>{summary}</summary>
                {blocks_view(blocks)}
            </details>
        }
        .into_any(),
        Block::Radar(radar) => radar_view(radar).into_any(),
        Block::MaturityBars(bars) => bars_view(bars).into_any(),
    }
}

fn heading_view(Heading { level, text, id }: Heading) -> AnyView {
    match level {
        ..=2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        4 => view! { <h4 id=id>{text}</h4> }.into_any(),
        _ => view! { <h5 id=id>{text}</h5> }.into_any(),
    }
}

fn list_view(List { ordered, class, label, items }: List) -> AnyView {
    let items = items.into_iter().map(list_item_view).collect_view();
    if ordered {
        view! { <ol class=class aria-label=label>{items}</ol> }.into_any()
    } else {
        view! { <ul class=class aria-label=label>{items}</ul> }.into_any()
    }
}

fn list_item_view(ListItem { class, content, blocks }: ListItem) -> impl IntoView {
    view! { <li class=class>{inlines_view(content)} {blocks_view(blocks)}</li> }
}

fn table_view(Table { class, caption, label, columns, rows }: Table) -> impl IntoView {
    view! {
        <table class=class aria-label=label>
            {caption.map(|caption| view! { <caption>{caption}</caption> })}
            <thead>
                <tr>{columns.into_iter().map(|cell| cell_view(cell, "col")).collect_view()}</tr>
            </thead>
            <tbody>{rows.into_iter().map(row_view).collect_view()}</tbody>
        </table>
    }
}

fn row_view(Row { key, cells }: Row) -> impl IntoView {
    view! { <tr data-zone=key>{cells.into_iter().map(|cell| cell_view(cell, "row")).collect_view()}</tr> }
}

/// A cell: `<th scope={scope}>` for headings (`col` in the head, `row` in the body), else `<td>`.
fn cell_view(Cell { header, class, label, title, content, blocks }: Cell, scope: &'static str) -> AnyView {
    if header {
        view! {
            <th scope=scope class=class aria-label=label title=title>
                {inlines_view(content)}
                {blocks_view(blocks)}
            </th>
        }
        .into_any()
    } else {
        view! {
            <td class=class aria-label=label title=title>
                {inlines_view(content)}
                {blocks_view(blocks)}
            </td>
        }
        .into_any()
    }
}

fn group_view(Group { kind, class, label, labelled_by, blocks }: Group) -> AnyView {
    match kind {
        GroupKind::Section => view! {
            <section class=class aria-label=label aria-labelledby=labelled_by>
                {blocks_view(blocks)}
            </section>
        }
        .into_any(),
        GroupKind::Div => view! {
            <div class=class aria-label=label aria-labelledby=labelled_by>
                {blocks_view(blocks)}
            </div>
        }
        .into_any(),
        GroupKind::ScrollRegion => view! {
            <div class=class tabindex="0" role="region" aria-label=label aria-labelledby=labelled_by>
                {blocks_view(blocks)}
            </div>
        }
        .into_any(),
    }
}

fn inlines_view(content: Vec<Inline>) -> impl IntoView {
    content.into_iter().map(inline_view).collect_view()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
        Inline::Span { class, text } => view! { <span class=class>{text}</span> }.into_any(),
        Inline::Abbr { text, title } => view! { <abbr title=title>{text}</abbr> }.into_any(),
        Inline::Link(link) => {
            let rel = link.is_external().then_some("noopener");
            view! { <a href=link.href rel=rel>{link.text}</a> }.into_any()
        }
        Inline::LineBreak => view! { <br /> }.into_any(),
    }
}

/// A radar (spider) chart of achieved against target levels, labelled by its title and description.
fn radar_view(radar: Radar) -> impl IntoView {
    let (achieved_label, target_label) = radar.legend();
    let description = radar.description();
    let ring = |level: u8| svg_points(&radar_ring(level));
    view! {
        <figure class="radar">
            <svg viewBox="0 0 320 320" role="img" aria-labelledby=radar.labelled_by() width="320" height="320">
                <title id=radar.title_id()>{radar.title()}</title>
                <desc id=radar.desc_id()>{description.clone()}</desc>
                {(1..=4u8).map(|level| view! { <polygon class="radar-ring" points=ring(level)></polygon> }).collect_view()}
                {radar_axes()
                    .into_iter()
                    .map(|axis| {
                        view! {
                            <line
                                class="radar-axis"
                                x1="160"
                                y1="160"
                                x2=svg_number(axis.end.0)
                                y2=svg_number(axis.end.1)
                            ></line>
                            <text
                                class="radar-label"
                                x=svg_number(axis.label.0)
                                y=svg_number(axis.label.1)
                                text-anchor=axis.anchor
                            >
                                {axis.fr.code()}
                            </text>
                        }
                    })
                    .collect_view()}
                {radar_ring_labels()
                    .into_iter()
                    .map(|(level, (x, y))| {
                        view! {
                            <text class="radar-ring-label" x=svg_number(x) y=svg_number(y)>
                                {level}
                            </text>
                        }
                    })
                    .collect_view()}
                <polygon class="radar-target" points=svg_points(&radar.target_points())></polygon>
                <polygon class="radar-achieved" points=svg_points(&radar.achieved_points())></polygon>
            </svg>
            <figcaption>
                <span class="legend legend-achieved">{achieved_label}</span>
                <span class="legend legend-target">{target_label}</span>
                <span class="visually-hidden">{description}</span>
            </figcaption>
        </figure>
    }
}

/// Horizontal bars of maturity levels, one per area, with a line at the target.
fn bars_view(bars: MaturityBars) -> impl IntoView {
    let target_x = svg_number(bars.target_x());
    view! {
        <svg
            class="bars"
            viewBox=format!("0 0 560 {}", bars.height() as u32)
            role="img"
            aria-label=bars.label.clone()
            width="560"
            height=(bars.height() as u32).to_string()
        >
            {bars
                .bars
                .iter()
                .enumerate()
                .map(|(i, bar)| {
                    let g = bars.geometry(i);
                    view! {
                        <text class="bar-label" x="0" y=svg_number(g.label_y)>
                            {bar.label.clone()}
                        </text>
                        <rect class="bar" x="220" y=svg_number(g.y) width=svg_number(g.width) height="18"></rect>
                        <text class="bar-value" x=svg_number(g.value_x) y=svg_number(g.value_y)>
                            {bar.value()}
                        </text>
                    }
                })
                .collect_view()}
            <line
                class="bar-target"
                x1=target_x.clone()
                x2=target_x.clone()
                y1="0"
                y2=svg_number(bars.target_line_end())
            ></line>
            <text class="bar-target-label" x=target_x y=svg_number(bars.target_label_y()) text-anchor="middle">
                {bars.target_label()}
            </text>
        </svg>
    }
}
