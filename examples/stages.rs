use playbook::config::Options;
use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from("../shared/corpus/fasttrack-playbook");
    let opts = Options {
        root: Some(root),
        config: Some("tests/fixtures/fasttrack.toml".into()),
        out: Some("/tmp/ft-stage".into()),
    };
    for _ in 0..3 {
        let t = Instant::now();
        let config = playbook::config::Config::load(&opts).unwrap();
        let t1 = t.elapsed();
        let mut d = vec![];
        let loaded = playbook::load::content(&config, &mut d).unwrap();
        let t2 = t.elapsed();
        let (site, _) = playbook::load_site(&opts).unwrap();
        let t3 = t.elapsed();
        let c = playbook::check::site(&site);
        let t4 = t.elapsed();
        let i18n = std::sync::Arc::new(playbook::render::i18n::I18n::load(&site.config).unwrap());
        let t5 = t.elapsed();
        let theme = playbook::render::Theme::load(&site.config, i18n.clone()).unwrap();
        let t6 = t.elapsed();
        let r = playbook::render::site(&site, &theme, &i18n).unwrap();
        let t7 = t.elapsed();
        playbook::output::write(&site.config.out, &r.files).unwrap();
        let t8 = t.elapsed();
        println!(
            "config {:?} load {:?} load_site {:?} check {:?} i18n {:?} theme {:?} render {:?} write {:?} ({} files, {} diags {})",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            t6 - t5,
            t7 - t6,
            t8 - t7,
            r.files.len(),
            c.len(),
            loaded.pages.len()
        );
    }
}
