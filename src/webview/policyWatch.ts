// Loaded in the reader's <head>, before the note: it counts anything the content security
// policy blocks, so a test (or a curious user in the webview devtools) can see that nothing
// in a note even tried to run or load. Nothing should ever be counted.
let blocked = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  blocked++;
  document.documentElement.dataset.blockedByPolicy = String(blocked);
  console.warn(`Interview Notes reader: the content security policy blocked ${event.violatedDirective} ${event.blockedURI}`);
});
