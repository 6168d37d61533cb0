// The peer page's script: Enketo's form engine on the pre-transformed form (form.mjs, inlined by
// build.mjs). window.peer mirrors what hoso exposes to the benchmark: ready and the field values.
import { Form } from 'enketo-core';

const formEl = document.querySelector('form.or');
const form = new Form(formEl, { modelStr: window.PEER_MODEL }, {});
const errors = form.init();
window.peer = {
  errors,
  ready: Promise.resolve(),
  value: (name) => formEl.querySelector(`[name="/data/${name}"]`).value,
  model: () => form.getDataStr(),
};
