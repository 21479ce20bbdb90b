//! The widget in a real browser: mounted into an open shadow root with the real bundled dataset, its controls
//! driven as a reader would. Run with `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use province_targets::web::{mount, read_data, Data};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlSelectElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLED: &str = include_str!("../data/targets.json");
const HOSTILE: &str = include_str!("fixtures/hostile.json");

/// A host element in the page with an open shadow root and the widget's container inside it. Hosts an
/// earlier test left behind (one that failed before its `host.remove()`) are removed first: below them, this
/// widget would start under the viewport, where rows are drawn a frame late, and fail for their sake.
fn new_host() -> (Element, ShadowRoot, Element) {
    let document = web_sys::window().unwrap().document().unwrap();
    let earlier = document.query_selector_all(".pt-test-host").unwrap();
    for i in 0..earlier.length() {
        earlier.item(i).unwrap().dyn_into::<Element>().unwrap().remove();
    }
    let host = document.create_element("div").unwrap();
    host.set_attribute("class", "pt-test-host").unwrap();
    host.set_attribute("style", "width: 600px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    let container = document.create_element("div").unwrap();
    shadow.append_child(&container).unwrap();
    (host, shadow, container)
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
    }
    object.into()
}

/// The dataset as the loader hands it over: parsed by the browser's `JSON.parse`.
fn data(json: &str) -> Data {
    read_data(js_sys::JSON::parse(json).expect("the test's text is JSON"))
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap()).collect()
}

/// The text of the first element matching `selector`, which must exist.
fn text_of(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn mark_names(root: &ShadowRoot) -> Vec<String> {
    all(root, ".pt-mark").iter().map(|m| m.get_attribute("aria-label").unwrap()).collect()
}

fn toggle(root: &ShadowRoot, name: &str) -> HtmlElement {
    all(root, "button.pt-toggle")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no toggle named {name}"))
        .dyn_into()
        .unwrap()
}

fn choose(select: &Element, value: &str) {
    let select: &HtmlSelectElement = select.dyn_ref().unwrap();
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

/// The indicator picker.
fn indicator_select(root: &ShadowRoot) -> Element {
    let selects = all(root, "select");
    assert_eq!(selects.len(), 1, "one select: the indicator picker (the year is a radio group)");
    selects[0].clone()
}

/// The `data-year` of the checked year segment ("all" or a year).
fn checked_year(root: &ShadowRoot) -> String {
    let checked = all(root, ".pt-year[role=radio][aria-checked=true]");
    assert_eq!(checked.len(), 1, "one checked year");
    checked[0].get_attribute("data-year").unwrap()
}

fn choose_year(root: &ShadowRoot, year: &str) {
    let segment: HtmlElement = root
        .query_selector(&format!(".pt-year[data-year=\"{year}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no year segment {year}"))
        .dyn_into()
        .unwrap();
    segment.click();
}

#[wasm_bindgen_test]
fn default_view_shows_every_province_and_the_digital_economy_share() {
    let (host, root, container) = new_host();
    let widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let toggles = all(&root, "button.pt-toggle");
    assert_eq!(toggles.len(), 5);
    assert!(toggles.iter().all(|t| t.get_attribute("aria-pressed").as_deref() == Some("true")));
    let names = mark_names(&root);
    for province in ["Bắc Giang", "Bình Định", "Bình Dương", "Vĩnh Phúc", "Lạng Sơn"] {
        assert!(names.iter().any(|n| n.starts_with(province)), "{province} has a mark: {names:?}");
    }
    assert!(names.contains(&"Bình Định, 2030: 15–20%".to_string()), "{names:?}");
    let indicator = indicator_select(&root);
    assert_eq!(indicator.dyn_ref::<HtmlSelectElement>().unwrap().value(), "digital-economy-share-grdp");
    assert_eq!(checked_year(&root), "all");
    assert!(widget.svg().unwrap().starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    drop(widget);
    host.remove();
}

#[wasm_bindgen_test]
fn turning_a_province_off_removes_its_marks_and_back_on_restores_them() {
    let (host, root, container) = new_host();
    let _widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let before = mark_names(&root);
    let button = toggle(&root, "Bắc Giang");
    button.click();
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    let after = mark_names(&root);
    assert!(after.iter().all(|n| !n.starts_with("Bắc Giang")), "{after:?}");
    assert_eq!(after.len(), before.len() - 2);
    button.click();
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(mark_names(&root), before);
    host.remove();
}

#[wasm_bindgen_test]
fn switching_indicator_and_year_changes_the_marks() {
    let (host, root, container) = new_host();
    let _widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let indicator = indicator_select(&root);
    choose(&indicator, "records-online-commune");
    let names = mark_names(&root);
    assert!(names.contains(&"Bắc Giang, 2025: 65%".to_string()), "{names:?}");
    choose_year(&root, "2030");
    assert_eq!(checked_year(&root), "2030");
    let names = mark_names(&root);
    assert!(!names.is_empty() && names.iter().all(|n| n.contains(", 2030:")), "{names:?}");
    let text = text_of(&root, ".pt-chart");
    assert!(text.contains("Không đặt mục tiêu: "), "provinces without a 2030 target say so: {text}");
    host.remove();
}

#[wasm_bindgen_test]
fn focusing_a_mark_shows_its_quote_and_source() {
    let (host, root, container) = new_host();
    let _widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let mark = all(&root, ".pt-mark")[0].clone().dyn_into::<web_sys::SvgElement>().unwrap();
    mark.focus().unwrap();
    let quote = root.query_selector(".pt-details blockquote").unwrap().expect("a quote after focus");
    assert_eq!(quote.text_content().unwrap(), "“kinh tế số chiếm khoảng 25% GRDP của tỉnh”");
    let details = text_of(&root, ".pt-details");
    assert!(details.contains("Nghị quyết số 111-NQ/TU"), "{details}");
    assert!(details.contains("Bắc Ninh"), "the administrative note: {details}");
    host.remove();
}

#[wasm_bindgen_test]
fn attributes_choose_the_view_and_unknown_values_fall_back() {
    let (host, root, container) = new_host();
    let _widget = mount(
        container,
        options(&[
            ("indicator", "fibre-households"),
            ("year", "2025"),
            ("provinces", "bac-giang,lang-son"),
            ("lang", "en"),
        ]),
        &data(BUNDLED),
    )
    .unwrap();
    let pressed: Vec<String> =
        all(&root, "button.pt-toggle[aria-pressed=true]").iter().map(|b| b.text_content().unwrap()).collect();
    assert_eq!(pressed, ["Bắc Giang", "Lạng Sơn"]);
    assert_eq!(mark_names(&root), ["Bắc Giang, 2025: 100%"]);
    let text = text_of(&root, ".pt-chart");
    assert!(text.contains("No target set: Lạng Sơn."), "{text}");
    host.remove();

    let (host, root, container) = new_host();
    let _widget = mount(
        container,
        options(&[("indicator", "no-such-thing"), ("year", "1999"), ("theme", "pink")]),
        &data(BUNDLED),
    )
    .unwrap();
    let indicator = indicator_select(&root);
    assert_eq!(indicator.dyn_ref::<HtmlSelectElement>().unwrap().value(), "digital-economy-share-grdp");
    assert_eq!(checked_year(&root), "all");
    host.remove();
}

#[wasm_bindgen_test]
fn broken_data_shows_an_alert_naming_the_record_and_field() {
    let (host, root, container) = new_host();
    let broken = BUNDLED.replacen("\"year\": 2025", "\"year\": 2250", 1);
    assert!(mount(container, options(&[("lang", "en")]), &data(&broken)).is_err());
    let alert = root.query_selector("[role=alert]").unwrap().expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("field \"year\": year 2250 is not valid"), "{text}");
    assert!(text.contains("targets["), "{text}");
    host.remove();

    let (host, root, container) = new_host();
    let wrong_type = BUNDLED.replacen("\"value\": 25", "\"value\": \"25\"", 1);
    assert!(mount(container, options(&[]), &data(&wrong_type)).is_err());
    let text = text_of(&root, "[role=alert]");
    assert!(text.contains("trường \"value\""), "{text}");
    host.remove();
}

#[wasm_bindgen_test]
fn strings_from_the_data_are_text_never_markup() {
    let (host, root, container) = new_host();
    let _widget = mount(container, options(&[]), &data(HOSTILE)).unwrap();
    for tag in ["script", "img", "iframe", "a[href^=javascript]", "b", "i"] {
        assert!(root.query_selector(tag).unwrap().is_none(), "a <{tag}> element came from the data");
    }
    let text = text_of(&root, ".pt-root, div");
    assert!(text.contains("<script>alert(1)</script>"), "the province name is shown literally");
    let mark = all(&root, ".pt-mark")[0].clone().dyn_into::<web_sys::SvgElement>().unwrap();
    mark.focus().unwrap();
    let details = text_of(&root, ".pt-details");
    assert!(details.contains("<img src=x onerror=alert(8)>"), "{details}");
    host.remove();
}

#[wasm_bindgen_test]
fn the_data_table_opens_and_lists_the_view() {
    let (host, root, container) = new_host();
    let _widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let table = root.query_selector(".pt-table").unwrap().unwrap();
    assert!(table.has_attribute("hidden"));
    let button: HtmlElement = root.query_selector(".pt-table-toggle").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    assert!(!table.has_attribute("hidden"));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    // The view's seven targets, then the two national targets of the indicator (QĐ 749: 2025 and 2030).
    assert_eq!(all(&root, ".pt-table tbody tr").len(), 9);
    host.remove();
}

#[wasm_bindgen_test]
fn a_hundred_mounts_and_frees_leave_no_node_behind() {
    let (host, root, container) = new_host();
    for _ in 0..100 {
        let widget = mount(container.clone(), options(&[]), &data(BUNDLED)).unwrap();
        // click, change, focusin, pointerover, keydown, and mouseover, mouseout, focusout for the fade.
        assert_eq!(widget.listener_count(), 8);
        drop(widget);
    }
    // Each mount replaces the last one's nodes; a free removes its listeners, so a click does nothing.
    assert_eq!(all(&root, "svg").len(), 1);
    let button = toggle(&root, "Bắc Giang");
    button.click();
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    host.remove();
}

#[wasm_bindgen_test]
fn a_reader_change_is_announced_to_the_page_with_the_new_state() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let (host, root, container) = new_host();
    let widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let seen: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let sink = Rc::clone(&seen);
    let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
        *sink.borrow_mut() = Some(event.detail());
    });
    // Listening on the host, outside the shadow root: the event must cross it.
    host.add_event_listener_with_callback("province-targets-change", listener.as_ref().unchecked_ref())
        .unwrap();
    toggle(&root, "Bắc Giang").click();
    let detail = seen.borrow().clone().expect("a province-targets-change event");
    let get = |key: &str| js_sys::Reflect::get(&detail, &key.into()).unwrap().as_string().unwrap();
    assert_eq!(get("provinces"), "binh-dinh,binh-duong,vinh-phuc,lang-son");
    assert_eq!(get("indicator"), "digital-economy-share-grdp");
    assert_eq!(get("year"), "all");
    let state = widget.state().unwrap();
    assert_eq!(
        js_sys::Reflect::get(&state, &"provinces".into()).unwrap().as_string().unwrap(),
        get("provinces")
    );
    host.remove();
}

#[wasm_bindgen_test]
fn the_png_download_is_the_chart_at_twice_its_size_and_not_blank() {
    let (host, _root, container) = new_host();
    let widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let url = widget.png(2.0).unwrap();
    let base64 = url.strip_prefix("data:image/png;base64,").expect("a PNG data URL");
    let bytes: Vec<u8> = {
        let decoded = web_sys::window().unwrap().atob(base64).unwrap();
        decoded.chars().map(|c| c as u8).collect()
    };
    assert_eq!(&bytes[1..4], b"PNG");
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    let svg = widget.svg().unwrap();
    let svg_width: f64 = svg.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    let svg_height: f64 = svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    assert_eq!((width, height), ((svg_width * 2.0).ceil() as u32, (svg_height * 2.0).ceil() as u32));
    // A blank canvas compresses to almost nothing; a chart with text and marks does not.
    assert!(bytes.len() > 20_000, "{} bytes", bytes.len());
    host.remove();
}

/// The chart's SVG as tag, attributes (sorted) and text, level by level: what a reader's browser draws from.
fn chart_snapshot(root: &ShadowRoot) -> String {
    fn walk(el: &Element, depth: usize, out: &mut String) {
        let mut names: Vec<String> = el.get_attribute_names().iter().filter_map(|n| n.as_string()).collect();
        names.sort();
        out.push_str(&" ".repeat(depth));
        out.push_str(&el.tag_name());
        for name in names {
            out.push_str(&format!(" {name}={:?}", el.get_attribute(&name).unwrap()));
        }
        let mut child = el.first_element_child();
        if child.is_none() {
            out.push_str(&format!(" text={:?}", el.text_content().unwrap_or_default()));
        }
        out.push('\n');
        while let Some(c) = child {
            walk(&c, depth + 1, out);
            child = c.next_element_sibling();
        }
    }
    let mut out = String::new();
    walk(&root.query_selector(".pt-chart svg").unwrap().unwrap(), 0, &mut out);
    out
}

/// Resolves after the next frame and a task after it: when a widget has drawn the rows it deferred.
/// Ends every animation in `root` at once (the chart's motion between views, see `motion.js`).
fn finish_motion(root: &ShadowRoot) {
    let call = |target: &JsValue, name: &str| {
        let method = js_sys::Reflect::get(target, &name.into()).unwrap();
        method.unchecked_ref::<js_sys::Function>().call0(target).unwrap()
    };
    let animations: js_sys::Array = call(root, "getAnimations").unchecked_into();
    for animation in animations.iter() {
        call(&animation, "finish");
    }
}

async fn after_next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            web_sys::window().unwrap().set_timeout_with_callback(resolve.unchecked_ref()).unwrap();
        });
        web_sys::window().unwrap().request_animation_frame(after_frame.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn rows_below_the_viewport_are_drawn_right_after_the_first_frame() {
    let (host, root, container) = new_host();
    host.set_attribute("style", "width: 600px; margin-top: 5000px").unwrap();
    let _widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let svg = root.query_selector(".pt-chart svg").unwrap().expect("the chart, at its full height");
    let height = svg.get_attribute("height").unwrap();
    assert_eq!(all(&root, "[data-row]").len(), 0, "no row out of sight is drawn before the first frame");
    after_next_frame().await;
    assert_eq!(all(&root, "[data-row]").len(), 5, "every row is drawn after it");
    assert_eq!(svg.get_attribute("height").unwrap(), height, "and the chart's height did not change");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_chart_updated_in_place_is_the_chart_a_fresh_widget_draws() {
    let (host, root, container) = new_host();
    let widget = mount(container, options(&[]), &data(BUNDLED)).unwrap();
    let svg_before = root.query_selector(".pt-chart svg").unwrap().unwrap();
    toggle(&root, "Bắc Giang").click();
    toggle(&root, "Vĩnh Phúc").click();
    // Turning a province off moves rows; the chart's SVG element itself stays.
    let svg_after = root.query_selector(".pt-chart svg").unwrap().unwrap();
    assert!(svg_before == svg_after, "the SVG element was rebuilt");
    let indicator = indicator_select(&root);
    choose(&indicator, "records-online-commune");
    choose_year(&root, "2025");
    toggle(&root, "Bắc Giang").click();
    choose_year(&root, "all");
    // What a change removes fades out before it goes: the chart is compared once its motion has ended.
    finish_motion(&root);
    after_next_frame().await;
    let updated = chart_snapshot(&root);

    let state = widget.state().unwrap();
    let get = |key: &str| js_sys::Reflect::get(&state, &key.into()).unwrap().as_string().unwrap();
    let (indicator, year, provinces) = (get("indicator"), get("year"), get("provinces"));
    let (fresh_host, fresh_root, fresh_container) = new_host();
    let _fresh = mount(
        fresh_container,
        options(&[("indicator", &indicator), ("year", &year), ("provinces", &provinces)]),
        &data(BUNDLED),
    )
    .unwrap();
    after_next_frame().await; // the fresh widget may be below the viewport: its rows come after a frame
    assert_eq!(updated, chart_snapshot(&fresh_root));
    assert!(updated.contains("Bắc Giang") && !updated.contains("Vĩnh Phúc"), "{updated}");
    host.remove();
    fresh_host.remove();
}

#[wasm_bindgen_test]
fn odd_options_fall_back_one_by_one_and_never_stop_a_mount() {
    for odd in
        [JsValue::UNDEFINED, JsValue::NULL, JsValue::from_str("fibre-households"), JsValue::from_f64(2025.0)]
    {
        let (host, root, container) = new_host();
        let _widget =
            mount(container, odd, &data(BUNDLED)).expect("options that are no object: the defaults");
        let indicator = indicator_select(&root);
        assert_eq!(indicator.dyn_ref::<HtmlSelectElement>().unwrap().value(), "digital-economy-share-grdp");
        host.remove();
    }
    // A value that is not a string costs only itself: the other options still apply.
    let odd = options(&[("indicator", "fibre-households"), ("lang", "en")]);
    js_sys::Reflect::set(&odd, &"year".into(), &JsValue::from_f64(2025.0)).unwrap();
    js_sys::Reflect::set(&odd, &"provinces".into(), &js_sys::Array::new()).unwrap();
    js_sys::Reflect::set(&odd, &"theme".into(), &js_sys::Function::new_no_args("")).unwrap();
    let (host, root, container) = new_host();
    let widget = mount(container, odd, &data(BUNDLED)).expect("odd values: the defaults for those");
    let indicator = indicator_select(&root);
    assert_eq!(indicator.dyn_ref::<HtmlSelectElement>().unwrap().value(), "fibre-households");
    assert_eq!(checked_year(&root), "all");
    assert_eq!(all(&root, "button.pt-toggle[aria-pressed=true]").len(), 5);
    let state = widget.state().unwrap();
    let get = |key: &str| js_sys::Reflect::get(&state, &key.into()).unwrap().as_string().unwrap();
    assert_eq!(
        (get("indicator"), get("year"), get("lang"), get("national")),
        ("fibre-households".into(), "all".into(), "en".into(), "on".into())
    );
    assert_eq!(
        js_sys::Object::keys(state.unchecked_ref::<js_sys::Object>()).length(),
        5,
        "{{indicator, year, provinces, lang, national}}: no highlight was set"
    );
    host.remove();
}
