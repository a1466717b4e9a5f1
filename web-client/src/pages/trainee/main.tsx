import { render } from 'preact';

render(<main><h1>Spotter trainee</h1></main>, document.getElementById('app')!);
