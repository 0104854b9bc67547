// Input of pass-remarks-yaml.test: rsqrt gives NaN for negative inputs.
func.func @rsqrt(%arg0: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.05>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.1>> to tensor<4xf32>
  %1 = tosa.rsqrt %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.05>>
  return %2 : tensor<4x!quant.uniform<i8:f32, 0.05>>
}
