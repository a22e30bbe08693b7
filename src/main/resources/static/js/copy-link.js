// The calendar feeds page: a "Copy link" button beside a new link. Without script the link is still
// in a read-only field to select and copy by hand; the button only appears where script runs.
document.querySelectorAll('[data-copy]').forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    button.hidden = false;
    button.addEventListener('click', () => {
        field.select();
        const done = () => { button.textContent = button.dataset.copied; };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(done, () => { document.execCommand('copy'); done(); });
        } else {
            document.execCommand('copy');
            done();
        }
    });
});
