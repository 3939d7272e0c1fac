//! Mounts the app into the page.

fn main() {
    yew::Renderer::<pyprep::ui::App>::new().render();
}
