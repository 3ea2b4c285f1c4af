// Back to the leaders' dashboard after the login: /dashboard/ sends a visitor without a session here
// as /camunda/app/welcome/default/?returnTo=%2Fdashboard%2F#!/login (cn.xinfang.dashboard.DashboardPageGate).
// Once the login succeeded (Welcome leaves its login view and the session knows the user), this goes
// back there. Only that one fixed address is ever followed, never one the query names otherwise, so
// the parameter cannot send anyone to another site.
const RETURN_TO = '/dashboard/';

function wanted() {
  return new URLSearchParams(window.location.search).get('returnTo') === RETURN_TO;
}

let checking = false;

async function check() {
  if (checking || window.location.hash.includes('/login')) {
    return;
  }
  checking = true;
  try {
    const response = await fetch('/camunda/api/admin/auth/user/default', {
      credentials: 'same-origin', headers: { Accept: 'application/json' },
    });
    if (response.ok) {
      window.location.replace(RETURN_TO);
    }
  } finally {
    checking = false;
  }
}

if (wanted()) {
  window.addEventListener('hashchange', check);
  // Welcome may change its view without a hashchange event
  const timer = setInterval(check, 500);
  setTimeout(() => clearInterval(timer), 10 * 60_000);
  check();
}

export default [];
