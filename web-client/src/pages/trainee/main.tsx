import { render } from 'preact';
import '../../styles/app.css';
import './trainee.css';
import { TraineeApp } from './TraineeApp';

render(<TraineeApp />, document.getElementById('app')!);
