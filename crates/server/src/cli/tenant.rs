//! `c360-server tenant create|update|show`.

use super::{DbArg, TenantAction, open};
use crate::crm::wrap_up::{AutoLogRecord, auto_log_of, parse_auto_log_record, set_auto_log_record};
use crate::tenants::{
    self, CrmSettings, DEFAULT_CRM_URL_TEMPLATE, Settings, Tenant, parse_auto_log, parse_crm_url_template,
    parse_default_country, parse_origin,
};

/// Settings given on the command line; absent ones are left as they are (or defaulted on create).
#[derive(Debug, clap::Args)]
pub struct TenantArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Tenant id.
    #[arg(long)]
    pub tenant: String,
    /// Owning account (API keys are per account); defaults to the tenant id.
    #[arg(long)]
    pub account: Option<String>,
    /// Speech Analytics licence: sentiment, topics and insights.
    #[arg(long, value_parser = on_off)]
    pub speech_analytics: Option<bool>,
    /// Native CRM; off = identity-only.
    #[arg(long, value_parser = on_off)]
    pub native_crm: Option<bool>,
    /// Screen pop: on, a started interaction opens the customer's history by itself; off, the
    /// agent opens it.
    #[arg(long, value_parser = on_off)]
    pub screen_pop: Option<bool>,
    /// Auto log: off, or media types among voice,chat,email.
    #[arg(long, value_parser = auto_log)]
    pub auto_log: Option<AutoLog>,
    /// What auto log creates at wrap-up: a call/chat/email log (default), a follow-up task or a
    /// case.
    #[arg(long, value_name = "log|task|case", value_parser = parse_auto_log_record)]
    pub auto_log_record: Option<AutoLogRecord>,
    /// A host origin allowed to embed and message the panel (repeat for several; replaces the list).
    #[arg(long = "allowed-origin", value_parser = parse_origin)]
    pub allowed_origins: Vec<String>,
    /// Where a contact's "Open in CRM" link points: a URL (or a path on this server) holding
    /// {contactId} and optionally {tenantId}, e.g. 'https://crm.example.com/c/{contactId}';
    /// `default` for the panel's own full-page record view on this server.
    #[arg(long, value_name = "URL|default", value_parser = crm_url_template)]
    pub crm_url_template: Option<CrmUrlTemplate>,
    /// The country national phone numbers of contacts are read in (ISO alpha-2, e.g. US, GB), or
    /// `none`: numbers need their country code.
    #[arg(long, value_name = "CC|none", value_parser = default_country)]
    pub default_country: Option<DefaultCountry>,
}

/// A CRM URL template setting, `None` = the default (a newtype, so clap reads one optional value).
#[derive(Debug, Clone)]
pub struct CrmUrlTemplate(pub Option<String>);

/// A default-country setting, `None` = no default.
#[derive(Debug, Clone)]
pub struct DefaultCountry(pub Option<String>);

fn crm_url_template(s: &str) -> Result<CrmUrlTemplate, String> {
    parse_crm_url_template(s).map(CrmUrlTemplate)
}

fn default_country(s: &str) -> Result<DefaultCountry, String> {
    parse_default_country(s).map(DefaultCountry)
}

/// An auto-log setting (a newtype, so clap reads one value, not a list of values).
#[derive(Debug, Clone)]
pub struct AutoLog(pub Vec<String>);

fn auto_log(s: &str) -> Result<AutoLog, String> {
    parse_auto_log(s).map(AutoLog)
}

fn on_off(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err(format!("{s:?}: use on or off")),
    }
}

/// Runs a tenant action; returns the resulting settings as text.
pub async fn run(action: TenantAction, now_ms: i64) -> Result<String, String> {
    let (db, id) = match &action {
        TenantAction::Create(a) | TenantAction::Update(a) => (&a.db, &a.tenant),
        TenantAction::Show { db, tenant } => (db, tenant),
    };
    if id.trim().is_empty() || id.contains(['/', '?', '#']) {
        return Err(format!("tenant id {id:?}: must be non-empty, without / ? #"));
    }
    let (db, _) = open(&db.db).await?;
    let id = id.clone();
    let mut conn = db.acquire().await.map_err(|e| e.to_string())?;
    let conn = &mut *conn;
    let failed = |e: sqlx::Error| e.to_string();
    match action {
        TenantAction::Show { .. } => {}
        TenantAction::Create(args) => {
            let tenant = Tenant {
                id: id.clone(),
                account_id: args.account.clone().unwrap_or_else(|| id.clone()),
                speech_analytics: args.speech_analytics.unwrap_or(true),
                native_crm: args.native_crm.unwrap_or(true),
                screen_pop: args.screen_pop.unwrap_or(true),
            };
            if !tenants::create(conn, &tenant, now_ms).await.map_err(failed)? {
                return Err(format!("tenant {id:?} exists already: use tenant update"));
            }
            let empty =
                Settings { tenant, auto_log: Vec::new(), allowed_origins: Vec::new(), crm: CrmSettings::default() };
            let record = args.auto_log_record;
            let settings = apply(empty, args);
            tenants::save(conn, &settings).await.map_err(failed)?;
            if let Some(record) = record {
                set_auto_log_record(conn, &id, record).await.map_err(failed)?;
            }
        }
        TenantAction::Update(args) => {
            let Some(current) = tenants::settings(conn, &id).await.map_err(failed)? else {
                return Err(format!("unknown tenant {id:?}: use tenant create"));
            };
            let record = args.auto_log_record;
            tenants::save(conn, &apply(current, args)).await.map_err(failed)?;
            if let Some(record) = record {
                set_auto_log_record(conn, &id, record).await.map_err(failed)?;
            }
        }
    }
    let settings = tenants::settings(conn, &id).await.map_err(failed)?.ok_or(format!("unknown tenant {id:?}"))?;
    let (_, record) = auto_log_of(conn, &id).await.map_err(failed)?;
    Ok(describe(&settings, record))
}

fn apply(mut s: Settings, args: TenantArgs) -> Settings {
    if let Some(account) = args.account {
        s.tenant.account_id = account;
    }
    if let Some(v) = args.speech_analytics {
        s.tenant.speech_analytics = v;
    }
    if let Some(v) = args.native_crm {
        s.tenant.native_crm = v;
    }
    if let Some(v) = args.screen_pop {
        s.tenant.screen_pop = v;
    }
    if let Some(AutoLog(v)) = args.auto_log {
        s.auto_log = v;
    }
    if !args.allowed_origins.is_empty() {
        s.allowed_origins = args.allowed_origins;
    }
    if let Some(CrmUrlTemplate(v)) = args.crm_url_template {
        s.crm.crm_url_template = v;
    }
    if let Some(DefaultCountry(v)) = args.default_country {
        s.crm.default_country = v;
    }
    s
}

fn describe(s: &Settings, auto_log_record: AutoLogRecord) -> String {
    let on = |b: bool| if b { "on" } else { "off" };
    let list = |v: &[String], none: &str| if v.is_empty() { none.to_owned() } else { v.join(",") };
    format!(
        "tenant: {}\naccount: {}\nspeech-analytics: {}\nnative-crm: {}\nscreen-pop: {}\nauto-log: {}\nauto-log-record: {}\nallowed-origins: {}\n\
         crm-url-template: {}\ndefault-country: {}",
        s.tenant.id,
        s.tenant.account_id,
        on(s.tenant.speech_analytics),
        on(s.tenant.native_crm),
        on(s.tenant.screen_pop),
        list(&s.auto_log, "off"),
        auto_log_record.as_str(),
        list(&s.allowed_origins, "(none: same origin only)"),
        s.crm
            .crm_url_template
            .as_deref()
            .map_or_else(|| format!("default ({DEFAULT_CRM_URL_TEMPLATE})"), str::to_owned),
        s.crm.default_country.as_deref().unwrap_or("none"),
    )
}
