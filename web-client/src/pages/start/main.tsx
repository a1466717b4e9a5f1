import { render } from 'preact';

render(<main><h1>Spotter start</h1></main>, document.getElementById('app')!);
