// The counter registration in Tasklist (发起流程 → 信访事项办理 → the start form register-petition) and the
// checks on Tasklist's customisations both new scripts share: opening the start form in Camunda's modal,
// form-js fields by label, the date picker of a datetime field. On top of tasklist.mjs.

import { page, step, until } from './browser.mjs';

/** The start-process modal once the petition's start form is shown in it; returns the form. */
export async function openStartForm() {
  step('open 发起流程 and the petition start form');
  await page.locator('[cam-widget-header] li.start-process-action a').click();
  const modal = page.locator('.modal-content');
  await modal.waitFor({ state: 'visible' });
  await modal.locator('ul.processes a', { hasText: '信访事项办理' }).click();
  const form = modal.locator('form.fjs-form');
  await form.waitFor({ state: 'visible' });
  await fieldOf(form, '信访渠道').waitFor({ state: 'visible' });
  return form;
}

/** A form-js field by its label (a required field's label ends with "*", hence no exact match). */
export function fieldOf(form, labelText) {
  return form.locator('.fjs-form-field').filter({
    has: page.locator(':scope > label.fjs-form-field-label', { hasText: labelText }),
  }).first();
}

/** A form-js datetime field by its label (the label sits inside the field's date subsection). */
export function dateFieldOf(form, labelText) {
  return form.locator('.fjs-form-field-datetime').filter({
    has: page.locator('label.fjs-form-field-label', { hasText: labelText }),
  }).first();
}

/** The open flatpickr calendar, if any. */
export function openCalendar() {
  return page.locator('.flatpickr-calendar.open');
}

/** Opens the date picker of a datetime field by clicking its input; returns the input. */
export async function openDatePicker(form, labelText) {
  step(`open the date picker of ${labelText}`);
  const input = dateFieldOf(form, labelText).locator('input').first();
  await input.click();
  await until(`the date picker of ${labelText} to open`, async () => (await openCalendar().count()) === 1);
  return input;
}

/** Picks today in the open date picker; waits until the field shows a date. */
export async function pickToday(form, labelText) {
  const input = await openDatePicker(form, labelText);
  await openCalendar().locator('.flatpickr-day.today').click();
  await until(`${labelText} to show a date`, async () => (await input.inputValue()).trim() !== '');
  return input.inputValue();
}

/** The 发起 button of the start-process modal. */
export function startButton() {
  return page.locator('.modal-content .modal-footer button.btn-primary');
}
