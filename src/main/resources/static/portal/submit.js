// 提交信访事项 (index.html): POST /api/petitions, then the case number and the query code.
import {
  API, callApi, checkForm, clearErrorsOnInput, newRequestId, setBusy, showError, valueOf,
} from './portal.js';

const form = document.getElementById('petition-form');
const confirmation = document.getElementById('confirmation');
// One key for this form, whatever happens to it: a double click, a retry after a lost answer or after a
// refusal all name the same petition, and the server registers it at most once.
const requestId = newRequestId();
let sending = false;
clearErrorsOnInput(form);

function body() {
  const optional = (name) => valueOf(form, name) || undefined;
  return {
    requestId,
    channel: 'ONLINE',
    petitioner: {
      name: valueOf(form, 'petitioner.name'),
      idNumber: optional('petitioner.idNumber'),
      phone: valueOf(form, 'petitioner.phone'),
      address: valueOf(form, 'petitioner.address'),
    },
    personCount: Number(valueOf(form, 'personCount')),
    district: valueOf(form, 'district'),
    category: optional('category'),
    title: valueOf(form, 'title'),
    content: valueOf(form, 'content'),
  };
}

function showConfirmation(answer) {
  const { caseNumber, queryCode } = answer.data;
  document.getElementById('confirmation-case-number').textContent = caseNumber;
  document.getElementById('confirmation-query-code').textContent = queryCode;
  document.getElementById('confirmation-replayed').hidden = answer.headers.get('Idempotent-Replayed') !== 'true';
  // in the fragment, which the browser never sends to the server (so it does not end up in access logs)
  document.getElementById('confirmation-follow').href = `case.html#code=${encodeURIComponent(queryCode)}`;
  form.hidden = true;
  confirmation.hidden = false;
  confirmation.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sending) {
    return;
  }
  if (!checkForm(form)) {
    return;
  }
  sending = true;
  setBusy(form, true);
  const answer = await callApi('POST', API, body());
  sending = false;
  setBusy(form, false);
  if (answer.status === 201) {
    showConfirmation(answer);
  } else {
    showError(form, answer.field, answer.error).focus();
  }
});
