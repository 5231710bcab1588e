//! The guard in front of every CRM route: a request, read or write, needs a caller allowed to use
//! the tenant (401 / 403 as for the contract endpoints) and a tenant with native CRM on (409
//! `native_crm_off` otherwise). What it established goes on in the request as a [`CrmContext`].

use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::Caller;
use crate::auth::token::TokenSigner;
use crate::db::Db;
use crate::http::{ApiError, TenantPath};
use crate::ratelimit::{AuthFailureLimiter, RateLimiter};
use crate::state::AppState;
use crate::tenants::{self, CrmSettings, Tenant};

/// Who is asking, about which tenant, under which CRM settings: what every CRM handler starts from.
#[derive(Debug, Clone)]
pub struct CrmContext {
    /// The authorised caller.
    pub caller: Caller,
    /// The tenant of the path (native CRM on).
    pub tenant: Tenant,
    /// Its CRM settings.
    pub settings: CrmSettings,
}

impl CrmContext {
    /// The name audit entries and `updatedBy` give the caller: the agent, or the key's account.
    pub fn author(&self) -> String {
        match &self.caller {
            Caller::Panel { agent, .. } => agent.clone(),
            Caller::ApiKey { account_id } => format!("API key of {account_id}"),
        }
    }

    /// The default country for national phone numbers, if the tenant has one.
    pub fn default_country(&self) -> Option<&str> {
        self.settings.default_country.as_deref()
    }

    /// The deep link of one of the tenant's contacts.
    pub fn crm_url(&self, contact_id: &str) -> String {
        self.settings.crm_url(&self.tenant.id, contact_id)
    }
}

/// Taken from the request when the guard put it there (so nothing is authenticated, counted or
/// looked up twice), else established here the same way.
impl<S> FromRequestParts<S> for CrmContext
where
    S: Send + Sync,
    Db: FromRef<S>,
    TokenSigner: FromRef<S>,
    Option<Arc<RateLimiter>>: FromRef<S>,
    Option<Arc<AuthFailureLimiter>>: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(context) = parts.extensions.get::<CrmContext>() {
            return Ok(context.clone());
        }
        let caller = Caller::from_request_parts(parts, state).await?;
        let TenantPath(tenant_id) = TenantPath::from_request_parts(parts, state).await?;
        let mut conn = Db::from_ref(state).acquire().await?;
        let (tenant, settings) = tenants::find_with_crm(&mut conn, &tenant_id).await?.ok_or(ApiError::Forbidden)?;
        if !caller.may_use(&tenant) {
            return Err(ApiError::Forbidden);
        }
        if !tenant.native_crm {
            return Err(ApiError::NativeCrmOff);
        }
        Ok(Self { caller, tenant, settings })
    }
}

/// Lets a CRM request through only for a caller of this tenant, and only with native CRM on; the
/// [`CrmContext`] (and the authorised caller, for handlers that take only a `Caller`) go on in
/// the request's extensions.
pub async fn native_crm(State(state): State<AppState>, request: Request, next: Next) -> Result<Response, ApiError> {
    let (mut parts, body) = request.into_parts();
    let context = CrmContext::from_request_parts(&mut parts, &state).await?;
    parts.extensions.insert(context.caller.clone());
    parts.extensions.insert(context);
    Ok(next.run(Request::from_parts(parts, body)).await)
}
